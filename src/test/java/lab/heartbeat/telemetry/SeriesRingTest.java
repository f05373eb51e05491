package lab.heartbeat.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The ring's storage, wrap-around and tick times, driven tick by tick with explicit nanos. */
class SeriesRingTest {

    private static final int COLUMNS = Series.values().length;

    /** A row whose every column holds {@code value}. */
    private static float[] row(float value) {
        float[] v = new float[COLUMNS];
        Arrays.fill(v, value);
        return v;
    }

    /** Appends ticks [from, to) to the clock (at tick * 1000 ns) and the ring (value = tick). */
    private static void sample(SeriesRing ring, TickClock clock, int from, int to) {
        for (int t = from; t < to; t++) {
            long tick = clock.next(t * 1000L);
            assertThat(tick).isEqualTo(t);
            ring.append(tick, row(t));
        }
    }

    @Test
    void growsByDoublingUpToTheCapacityAndNeverBeyond() {
        SeriesRing ring = new SeriesRing(200);
        TickClock clock = new TickClock(200);
        assertThat(ring.allocatedSamples()).isEqualTo(64);

        sample(ring, clock, 0, 64);
        assertThat(ring.allocatedSamples()).as("full, not yet grown").isEqualTo(64);
        sample(ring, clock, 64, 65);
        assertThat(ring.allocatedSamples()).isEqualTo(128);
        sample(ring, clock, 65, 129);
        assertThat(ring.allocatedSamples()).as("capped at the capacity, not 256").isEqualTo(200);
        for (int t = 129; t < 2_000; t++) {
            ring.append(clock.next(t * 1000L), row(t));
            assertThat(ring.allocatedSamples()).isLessThanOrEqualTo(200);
            assertThat(ring.size()).isLessThanOrEqualTo(200);
        }
        assertThat(ring.size()).isEqualTo(200);
        assertThat(ring.allocatedSamples()).isEqualTo(200);
    }

    @Test
    void aSmallCapacityIsAllocatedAtOnceAndNeverGrows() {
        SeriesRing ring = new SeriesRing(10);
        TickClock clock = new TickClock(10);
        assertThat(ring.allocatedSamples()).isEqualTo(10);
        sample(ring, clock, 0, 100);
        assertThat(ring.allocatedSamples()).isEqualTo(10);
        assertThat(ring.size()).isEqualTo(10);
    }

    @Test
    void growingKeepsTheSamplesInOrder() {
        SeriesRing ring = new SeriesRing(1_000);
        TickClock clock = new TickClock(1_000);
        sample(ring, clock, 0, 300);

        SeriesView view = ring.view("t", clock);
        assertThat(view.size()).isEqualTo(300);
        for (int i = 0; i < 300; i++) {
            assertThat(view.nanos()[i]).isEqualTo(i * 1000L);
            for (Series s : Series.values()) {
                assertThat(view.value(s, i)).isEqualTo(i);
            }
        }
    }

    @Test
    void wrapsKeepingTheNewestSamplesInOrderWithTheirTickTimes() {
        SeriesRing ring = new SeriesRing(5);
        TickClock clock = new TickClock(5);
        sample(ring, clock, 0, 12);

        SeriesView view = ring.view("client/a", clock);
        assertThat(view.track()).isEqualTo("client/a");
        assertThat(view.nanos()).containsExactly(7_000L, 8_000L, 9_000L, 10_000L, 11_000L);
        assertThat(view.columns().length).isEqualTo(COLUMNS);
        for (int i = 0; i < 5; i++) {
            assertThat(view.value(Series.HEARTBEATS_SENT, i)).isEqualTo(7 + i);
            assertThat(view.value(Series.KERNEL_RTT_MS, i)).isEqualTo(7 + i);
        }
    }

    @Test
    void wrapsAfterGrowingAcrossTheSeam() {
        // 64 -> 100 slots, then wraps many times: the seam moves through the grown array.
        SeriesRing ring = new SeriesRing(100);
        TickClock clock = new TickClock(100);
        sample(ring, clock, 0, 1_037);

        SeriesView view = ring.view("t", clock);
        assertThat(view.size()).isEqualTo(100);
        for (int i = 0; i < 100; i++) {
            assertThat(view.nanos()[i]).isEqualTo((937L + i) * 1000L);
            assertThat(view.value(Series.RTT_MS, i)).isEqualTo(937 + i);
        }
    }

    @Test
    void aTrackThatJoinedLateHasItsOwnTicks() {
        TickClock clock = new TickClock(50);
        SeriesRing early = new SeriesRing(50);
        SeriesRing late = new SeriesRing(50);
        for (int t = 0; t < 20; t++) {
            long tick = clock.next(t * 10L);
            early.append(tick, row(t));
            if (t >= 15) {
                late.append(tick, row(100 + t));
            }
        }
        assertThat(early.view("e", clock).nanos()).hasSize(20).startsWith(0L).endsWith(190L);
        SeriesView lateView = late.view("l", clock);
        assertThat(lateView.nanos()).containsExactly(150L, 160L, 170L, 180L, 190L);
        assertThat(lateView.value(Series.STATE_UP, 0)).isEqualTo(115);
    }

    @Test
    void samplesWhoseTickTimeTheClockNoLongerKnowsAreLeftOut() {
        // A retired track stops at tick 9 while the clock goes on: only ticks the clock still holds are shown.
        TickClock clock = new TickClock(5);
        SeriesRing retired = new SeriesRing(10);
        sample(retired, clock, 0, 10);
        assertThat(retired.view("r", clock).nanos()).containsExactly(5_000L, 6_000L, 7_000L, 8_000L, 9_000L);

        clock.next(10_000);
        clock.next(11_000);
        SeriesView view = retired.view("r", clock);
        assertThat(view.nanos()).containsExactly(7_000L, 8_000L, 9_000L);
        assertThat(view.value(Series.BYTES_IN, 0)).isEqualTo(7);

        for (int t = 12; t < 20; t++) {
            clock.next(t * 1000L);
        }
        assertThat(retired.view("r", clock).size()).isZero();
        assertThat(retired.size()).as("storage itself is untouched").isEqualTo(10);
    }

    @Test
    void anEmptyRingHasAnEmptyView() {
        SeriesRing ring = new SeriesRing(10);
        TickClock clock = new TickClock(10);
        clock.next(5);
        assertThat(ring.view("t", clock).size()).isZero();
        assertThat(ring.size()).isZero();
    }

    @Test
    void theViewIsACopy() {
        SeriesRing ring = new SeriesRing(4);
        TickClock clock = new TickClock(4);
        sample(ring, clock, 0, 4);
        SeriesView before = ring.view("t", clock);
        sample(ring, clock, 4, 8);
        assertThat(before.nanos()).containsExactly(0L, 1_000L, 2_000L, 3_000L);
        assertThat(before.value(Series.MISSES, 3)).isEqualTo(3);
    }

    @Test
    void theTickClockForgetsTicksOlderThanItsCapacity() {
        TickClock clock = new TickClock(3);
        assertThat(clock.nanosOf(0)).as("no tick yet").isEqualTo(Long.MIN_VALUE);
        for (int t = 0; t < 5; t++) {
            assertThat(clock.next(100L * t)).isEqualTo(t);
        }
        assertThat(clock.nanosOf(1)).isEqualTo(Long.MIN_VALUE);
        assertThat(clock.nanosOf(2)).isEqualTo(200L);
        assertThat(clock.nanosOf(4)).isEqualTo(400L);
        assertThat(clock.nanosOf(5)).as("the future").isEqualTo(Long.MIN_VALUE);
        assertThat(clock.nanosOf(-1)).isEqualTo(Long.MIN_VALUE);
    }
}
