package lab.heartbeat.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Linux's timer wheel arithmetic (kernel/time/timer.c) against the steps the kernel documents. */
class TimerWheelTest {
    private static final TimerWheel HZ_250 = new TimerWheel(250);
    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;

    @Test
    void atHz250TheStepIs4MsBelow252Ms32MsBelow2016MsAnd256MsBelowAbout16S() {
        assertThat(HZ_250.granularityNanos(1 * MS)).isEqualTo(4 * MS);
        assertThat(HZ_250.granularityNanos(248 * MS)).isEqualTo(4 * MS);
        assertThat(HZ_250.granularityNanos(252 * MS)).isEqualTo(32 * MS);
        assertThat(HZ_250.granularityNanos(2012 * MS)).isEqualTo(32 * MS);
        assertThat(HZ_250.granularityNanos(2016 * MS)).isEqualTo(256 * MS);
        assertThat(HZ_250.granularityNanos(16_124 * MS)).isEqualTo(256 * MS);
        assertThat(HZ_250.granularityNanos(16_128 * MS)).isEqualTo(2048 * MS);
    }

    @Test
    void theStepsScaleWithHz() {
        // At HZ=1000 a jiffy is 1 ms: level 0 holds up to 62 ms, level 1 (8 ms) up to 503 ms.
        TimerWheel hz1000 = new TimerWheel(1000);
        assertThat(hz1000.granularityNanos(62 * MS)).isEqualTo(1 * MS);
        assertThat(hz1000.granularityNanos(63 * MS)).isEqualTo(8 * MS);
        assertThat(hz1000.granularityNanos(504 * MS)).isEqualTo(64 * MS);
    }

    @Test
    void aTimerFiresAtTheNextBoundaryOfItsLevelNeverEarly() {
        assertThat(TimerWheel.fireJiffy(100, 0)).isEqualTo(101);
        assertThat(TimerWheel.fireJiffy(100, 1)).isEqualTo(104);
        assertThat(TimerWheel.fireJiffy(104, 1)).as("a full step late on a boundary").isEqualTo(112);
        assertThat(TimerWheel.fireJiffy(1250, 2)).isEqualTo(1280);
        assertThat(TimerWheel.level(62)).isZero();
        assertThat(TimerWheel.level(63)).isEqualTo(1);
        assertThat(TimerWheel.level(504)).isEqualTo(2);
        assertThat(TimerWheel.level(4032)).isEqualTo(3);
    }

    @Test
    void theTeachingKeepaliveChainIsUpTo128MsLateAndOnAverage78() {
        // idle 2 s then 3 x 1 s, all on the 32 ms level: 4 steps; probes re-armed on a boundary are
        // 6 jiffies late each, the first timer 1 to 8 jiffies (or 1, then the second up to 8).
        Prediction p = HZ_250.chain(10 * S, 2 * S, 1 * S, 3);

        assertThat(p.windowLoNanos()).isEqualTo(10 * S);
        assertThat(p.windowHiNanos()).isEqualTo(10 * S + 128 * MS);
        assertThat(p.atNanos()).isEqualTo(10 * S + 78 * MS);
    }

    @Test
    void theSeedPresetsKeepaliveChainsSitOnThe256MsLevel() {
        // seed-001: 5 s then 3 x 3 s; seed-004: 6 s then 3 x 5 s; four 256 ms steps each.
        Prediction seed001 = HZ_250.chain(0, 5 * S, 3 * S, 3);
        Prediction seed004 = HZ_250.chain(0, 6 * S, 5 * S, 3);

        assertThat(seed001.windowHiNanos()).isEqualTo(1024 * MS);
        assertThat(seed001.atNanos()).isEqualTo(310 * MS);
        assertThat(seed004.windowHiNanos()).isEqualTo(1024 * MS);
        assertThat(seed004.atNanos()).isEqualTo(430 * MS);
    }

    @Test
    void independentTimersAddTheirStepsAndThePointIsHalfway() {
        Prediction p = HZ_250.independent(0, 200 * MS, 204 * MS, 1600 * MS, 0);

        assertThat(p.windowHiNanos()).isEqualTo(40 * MS);
        assertThat(p.atNanos()).isEqualTo(20 * MS);
    }

    @Test
    void theLinuxDefaultKeepaliveStaysQuick() {
        Prediction p = HZ_250.chain(0, 7200 * S, 75 * S, 9);

        assertThat(p.windowLoNanos()).isLessThan(p.atNanos()).isLessThan(p.windowHiNanos());
    }
}
