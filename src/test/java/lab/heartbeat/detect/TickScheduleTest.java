package lab.heartbeat.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TickScheduleTest {

    private final TickSchedule ticks = new TickSchedule(100, 1000);

    @Test
    void first_tick_is_strictly_after_the_given_time() {
        assertThat(ticks.firstTickAfter(0)).isEqualTo(1100);
        assertThat(ticks.firstTickAfter(1099)).isEqualTo(1100);
        assertThat(ticks.firstTickAfter(1100)).isEqualTo(2100);
        assertThat(ticks.firstTickAfter(5555)).isEqualTo(6100);
    }

    @Test
    void the_phase_itself_is_not_a_tick() {
        assertThat(ticks.firstTickAfter(100)).isEqualTo(1100);
        assertThat(ticks.firstTickAfter(-5000)).isEqualTo(1100);
    }

    @Test
    void kth_tick_counts_periods_from_the_first() {
        assertThat(ticks.kthTickAfter(1100, 1)).isEqualTo(2100);
        assertThat(ticks.kthTickAfter(1100, 3)).isEqualTo(4100);
    }

    @Test
    void invalid_arguments_are_named() {
        assertThatThrownBy(() -> new TickSchedule(0, 0)).hasMessage("periodNanos must be positive: 0");
        assertThatThrownBy(() -> ticks.kthTickAfter(0, 0)).hasMessage("k must be at least 1: 0");
    }
}
