package lab.heartbeat.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MissCounterTest {

    private static long ms(long millis) {
        return millis * 1_000_000L;
    }

    /** Runs the counter on virtual time; at the same instant the tick runs before the frame, as predicted. */
    private static long deathTime(TickSchedule ticks, int limit, List<Long> frames) {
        MissCounter counter = new MissCounter(limit);
        int nextFrame = 0;
        long tick = ticks.firstTickAfter(Long.MIN_VALUE / 2);
        while (true) {
            while (nextFrame < frames.size() && frames.get(nextFrame) < tick) {
                counter.reset();
                nextFrame++;
            }
            if (counter.tick()) {
                return tick;
            }
            tick += ticks.periodNanos();
        }
    }

    @Test
    void dies_at_the_kth_tick_after_the_last_frame_and_the_prediction_agrees() {
        TickSchedule every500ms = new TickSchedule(0, ms(500));

        long death = deathTime(every500ms, 3, List.of(ms(1250)));

        assertThat(death).isEqualTo(ms(2500));
        assertThat(Predictions.appHeartbeat(every500ms, ms(1250), 3)).isEqualTo(death);
    }

    @Test
    void a_frame_at_the_same_instant_as_a_tick_counts_after_it() {
        TickSchedule every500ms = new TickSchedule(0, ms(500));

        long death = deathTime(every500ms, 3, List.of(ms(700), ms(1500)));

        assertThat(death).isEqualTo(ms(3000));
        assertThat(Predictions.appHeartbeat(every500ms, ms(1500), 3)).isEqualTo(death);
    }

    @Test
    void tick_reports_dead_exactly_when_the_limit_is_used_up_and_keeps_reporting_it() {
        MissCounter counter = new MissCounter(3);

        assertThat(List.of(counter.tick(), counter.tick(), counter.tick(), counter.tick()))
                .containsExactly(false, false, true, true);
        assertThat(counter.remaining()).isZero();
        assertThat(counter.misses()).isEqualTo(3);
    }

    @Test
    void reset_restores_the_full_limit() {
        MissCounter counter = new MissCounter(6);
        counter.tick();
        counter.tick();
        assertThat(counter.remaining()).isEqualTo(4);
        assertThat(counter.misses()).isEqualTo(2);

        counter.reset();

        assertThat(counter.remaining()).isEqualTo(6);
        assertThat(counter.misses()).isZero();
        assertThat(counter.limit()).isEqualTo(6);
    }

    @Test
    void a_limit_below_one_is_rejected_with_its_name() {
        assertThatThrownBy(() -> new MissCounter(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit must be at least 1: 0");
    }
}
