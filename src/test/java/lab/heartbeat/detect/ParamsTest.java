package lab.heartbeat.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ParamsTest {

    private static final Duration S1 = Duration.ofSeconds(1);

    @Test
    void keepalive_detects_idle_plus_count_intervals_after_the_last_segment() {
        assertThat(KeepaliveParams.ofSeconds(5, 3, 3).detectionAfterIdle()).isEqualTo(Duration.ofSeconds(14));
        assertThat(KeepaliveParams.linuxDefaults().detectionAfterIdle()).isEqualTo(Duration.ofSeconds(7875));
        assertThat(KeepaliveParams.ofSeconds(6, 5, 3).idleSeconds()).isEqualTo(6);
        assertThat(KeepaliveParams.ofSeconds(6, 5, 3).intervalSeconds()).isEqualTo(5);
    }

    @Test
    void a_partial_sweep_override_keeps_the_other_part_and_starts_from_one_rule_without_a_sweep() {
        SweepParams seed002 = new SweepParams(Duration.ofSeconds(3), 5);
        assertThat(SweepParams.over(seed002, null, 4)).isEqualTo(new SweepParams(Duration.ofSeconds(3), 4));
        assertThat(SweepParams.over(seed002, Duration.ofSeconds(2), null)).isEqualTo(new SweepParams(Duration.ofSeconds(2), 5));
        // Scenarios, the server command and the dashboard once fell back differently (1 s x 3, 5 s x 6).
        assertThat(SweepParams.over(null, null, 4)).isEqualTo(new SweepParams(S1, 4));
        assertThat(SweepParams.over(null, null, null)).isEqualTo(SweepParams.FALLBACK);
        assertThatThrownBy(() -> SweepParams.over(null, null, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sweep misses");
    }

    @Test
    void keepalive_accepts_the_kernel_limits() {
        KeepaliveParams max = new KeepaliveParams(Duration.ofSeconds(32767), Duration.ofSeconds(32767), 127);
        assertThat(max.count()).isEqualTo(127);
    }

    @Test
    void keepalive_validation_names_the_field() {
        assertThatThrownBy(() -> new KeepaliveParams(Duration.ofMillis(2500), S1, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("keepalive idle must be whole seconds: 2500ms");
        assertThatThrownBy(() -> new KeepaliveParams(S1, Duration.ZERO, 3))
                .hasMessage("keepalive interval must be between 1s and 32767s: 0s");
        assertThatThrownBy(() -> new KeepaliveParams(Duration.ofSeconds(32768), S1, 3))
                .hasMessage("keepalive idle must be between 1s and 32767s: 32768s");
        assertThatThrownBy(() -> new KeepaliveParams(S1, S1, 0))
                .hasMessage("keepalive count must be between 1 and 127: 0");
        assertThatThrownBy(() -> new KeepaliveParams(S1, S1, 128))
                .hasMessage("keepalive count must be between 1 and 127: 128");
        assertThatThrownBy(() -> new KeepaliveParams(null, S1, 3))
                .hasMessage("keepalive idle is required");
    }

    @Test
    void sweep_validation_names_the_field() {
        assertThatThrownBy(() -> new SweepParams(Duration.ofSeconds(-3), 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sweep interval must be positive: -3s");
        assertThatThrownBy(() -> new SweepParams(S1, 0)).hasMessage("sweep misses must be at least 1: 0");
    }

    @Test
    void akka_defaults_are_akkas() {
        assertThat(PhiAccrualParams.akkaDefaults()).isEqualTo(new PhiAccrualParams(
                8.0, 1000, Duration.ofMillis(100), Duration.ofSeconds(3), Duration.ofSeconds(1)));
    }

    @Test
    void phi_validation_names_the_field() {
        Duration ms100 = Duration.ofMillis(100);
        assertThatThrownBy(() -> new PhiAccrualParams(0, 1000, ms100, S1, S1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("phi threshold must be positive: 0.0");
        assertThatThrownBy(() -> new PhiAccrualParams(Double.NaN, 1000, ms100, S1, S1))
                .hasMessage("phi threshold must be positive: NaN");
        assertThatThrownBy(() -> new PhiAccrualParams(8, 0, ms100, S1, S1))
                .hasMessage("phi maxSampleSize must be at least 1: 0");
        assertThatThrownBy(() -> new PhiAccrualParams(8, 1000, Duration.ZERO, S1, S1))
                .hasMessage("phi minStdDeviation must be positive: 0s");
        assertThatThrownBy(() -> new PhiAccrualParams(8, 1000, ms100, Duration.ofMillis(-1), S1))
                .hasMessage("phi acceptableHeartbeatPause must not be negative: -1ms");
        assertThatThrownBy(() -> new PhiAccrualParams(8, 1000, ms100, S1, Duration.ZERO))
                .hasMessage("phi firstHeartbeatEstimate must be positive: 0s");
    }

    @Test
    void keepaliveOverABaseReplacesOnlyTheGivenValuesAndStartsFromLinuxWithoutOne() {
        KeepaliveParams base = KeepaliveParams.ofSeconds(5, 3, 3);
        assertThat(KeepaliveParams.over(base, null, Duration.ofSeconds(2), null)).isEqualTo(KeepaliveParams.ofSeconds(5, 2, 3));
        assertThat(KeepaliveParams.over(null, Duration.ofSeconds(10), null, null))
                .isEqualTo(KeepaliveParams.ofSeconds(10, 75, 9));
    }
}
