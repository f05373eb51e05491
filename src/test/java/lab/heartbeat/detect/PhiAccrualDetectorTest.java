package lab.heartbeat.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Cases from Akka's PhiAccrualFailureDetectorSpec, in nanoseconds. Exact expectations were computed
 * beforehand from the published formula: y = (t - mean) / sd, e = exp(-y (1.5976 + 0.070566 y^2)),
 * phi = -log10(e / (1 + e)) for t > mean, else -log10(1 - 1 / (1 + e)).
 */
class PhiAccrualDetectorTest {

    private static final double PHI_AT_MEAN = 0.3010299956639812;          // -log10(1/2), y = 0
    private static final double PHI_ONE_SD_LATE = 0.7995083208395598;      // y = 1

    private static long ms(long millis) {
        return millis * 1_000_000L;
    }

    /** Akka's test defaults: threshold 8, 1000 samples, 10 ms min deviation, no pause, 1 s first estimate. */
    private static PhiAccrualParams akkaTestParams() {
        return new PhiAccrualParams(8.0, 1000, Duration.ofMillis(10), Duration.ZERO, Duration.ofSeconds(1));
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0.0",
        "500, 0.0000000217689",
        "1000, 0.3010299956639812",
        "1100, 0.7995083208395598",
        "1200, 1.6428278854871123",
        "1400, 4.736694582705181",
        "1600, 10.782600858295707",
        "1700, 15.368525622645256"
    })
    void realistic_phi_values_for_mean_1000_sd_100(double timeDiff, double expected) {
        double phi = PhiAccrualDetector.phi(timeDiff, 1000.0, 100.0);

        assertThat(phi).isCloseTo(expected, within(1e-9));
    }

    @ParameterizedTest
    @CsvSource({"0, 0.5", "6, 0.7257", "15, 0.9332", "20, 0.97725", "25, 0.99379", "35, 0.99977", "40, 0.99997"})
    void approximates_the_normal_cumulative_distribution(double timeDiff, double cdf) {
        double phi = PhiAccrualDetector.phi(timeDiff, 0, 10);

        assertThat(1.0 - Math.pow(10, -phi)).isCloseTo(cdf, within(0.001));
    }

    @Test
    void handles_outliers_without_losing_precision() {
        assertThat(PhiAccrualDetector.phi(10, 0, 1)).isCloseTo(38.0, within(1.0));
        assertThat(PhiAccrualDetector.phi(-25, 0, 1)).isCloseTo(0.0, within(1e-15));
        assertThat(PhiAccrualDetector.phi(1100, 1000, 500)).isLessThan(PhiAccrualDetector.phi(1100, 1000, 100));
    }

    @Test
    void is_healthy_and_predicts_nothing_before_the_first_heartbeat() {
        PhiAccrualDetector d = new PhiAccrualDetector(akkaTestParams());

        assertThat(d.phi(ms(99_000))).isZero();
        assertThat(d.isAvailable(ms(99_000))).isTrue();
        assertThat(d.isMonitoring()).isFalse();
        assertThat(d.sampleCount()).isZero();
        assertThat(d.predictedCrossingNanos()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void guesses_from_the_first_heartbeat_estimate_after_one_heartbeat() {
        long t0 = ms(5_000);
        PhiAccrualDetector d = new PhiAccrualDetector(akkaTestParams());

        d.heartbeat(t0);

        assertThat(d.sampleCount()).isEqualTo(2);
        assertThat(d.phi(t0 + ms(1000))).isCloseTo(PHI_AT_MEAN, within(1e-9));
        assertThat(d.phi(t0 + ms(2000))).isCloseTo(4.736694582705181, within(1e-9));
        assertThat(d.phi(t0 + ms(3000))).isGreaterThan(15.0);
    }

    @Test
    void predicts_the_nanosecond_at_which_phi_reaches_the_threshold() {
        long t0 = ms(5_000);
        PhiAccrualDetector d = new PhiAccrualDetector(akkaTestParams());
        d.heartbeat(t0);

        long crossing = d.predictedCrossingNanos();

        // mean 1000 ms, sd 250 ms: phi = 8 at 2306.496661 ms after the heartbeat
        assertThat(crossing).isCloseTo(t0 + 2_306_496_661L, within(100_000L));
        assertThat(d.isAvailable(crossing - 1)).isTrue();
        assertThat(d.isAvailable(crossing)).isFalse();
        assertThat(Predictions.phiAccrual(d)).isEqualTo(crossing);
    }

    @Test
    void akka_defaults_with_steady_one_second_heartbeats() {
        PhiAccrualDetector d = new PhiAccrualDetector(PhiAccrualParams.akkaDefaults());
        for (long t = 0; t <= 10; t++) {
            d.heartbeat(ms(t * 1000));
        }
        long last = ms(10_000);

        // samples 750, 1250 and ten of 1000 ms: mean 1000 ms, sd 102.06 ms; plus the 3 s acceptable pause
        assertThat(d.sampleCount()).isEqualTo(12);
        assertThat(d.phi(last + ms(4000))).isCloseTo(PHI_AT_MEAN, within(1e-9));
        assertThat(d.phi(last + ms(4500))).isCloseTo(7.002322323613114, within(1e-6));
        assertThat(d.isAvailable(last + ms(4500))).isTrue();
        assertThat(d.predictedCrossingNanos()).isCloseTo(last + 4_533_375_028L, within(100_000L));
    }

    @Test
    void marks_the_peer_dead_when_heartbeats_are_missed() {
        PhiAccrualDetector d = new PhiAccrualDetector(new PhiAccrualParams(
                3.0, 1000, Duration.ofMillis(10), Duration.ZERO, Duration.ofSeconds(1)));
        for (long t : new long[] {0, 1000, 1100, 1200}) {
            d.heartbeat(ms(t));
        }

        assertThat(d.isAvailable(ms(1300))).isTrue();
        assertThat(d.isAvailable(ms(8200))).isFalse();
    }

    @Test
    void accepts_a_pause_within_the_acceptable_heartbeat_pause() {
        PhiAccrualDetector d = new PhiAccrualDetector(new PhiAccrualParams(
                8.0, 1000, Duration.ofMillis(10), Duration.ofSeconds(3), Duration.ofSeconds(1)));
        for (long t : new long[] {0, 1000, 2000, 3000}) {
            d.heartbeat(ms(t));
        }

        assertThat(d.isAvailable(ms(7000))).isTrue();
        d.heartbeat(ms(7000));
        d.heartbeat(ms(8000));
        assertThat(d.isAvailable(ms(9000))).isTrue();
    }

    @Test
    void fails_after_the_acceptable_heartbeat_pause() {
        PhiAccrualDetector d = new PhiAccrualDetector(new PhiAccrualParams(
                8.0, 1000, Duration.ofMillis(10), Duration.ofSeconds(3), Duration.ofSeconds(1)));
        for (long t : new long[] {0, 1000, 2000, 3000, 4000, 5000, 5500}) {
            d.heartbeat(ms(t));
        }

        assertThat(d.isAvailable(ms(6000))).isTrue();
        assertThat(d.isAvailable(ms(11_000))).isFalse();
    }

    @Test
    void the_first_heartbeat_after_a_failure_is_not_sampled() {
        PhiAccrualDetector d = new PhiAccrualDetector(PhiAccrualParams.akkaDefaults());
        d.heartbeat(0);
        d.heartbeat(ms(1000));
        d.heartbeat(ms(2000));
        assertThat(d.sampleCount()).isEqualTo(4);

        d.heartbeat(ms(20_000));
        assertThat(d.sampleCount()).isEqualTo(4);

        d.heartbeat(ms(21_000));
        assertThat(d.sampleCount()).isEqualTo(5);
    }

    @Test
    void only_the_last_max_sample_size_intervals_count() {
        PhiAccrualDetector d = new PhiAccrualDetector(new PhiAccrualParams(
                8.0, 3, Duration.ofMillis(100), Duration.ofSeconds(3), Duration.ofSeconds(1)));
        for (long t : new long[] {0, 100, 200, 300, 800, 1300, 1800}) {
            d.heartbeat(ms(t));
        }

        // window 500, 500, 500 ms: mean 500 + 3000 ms, sd raised to the 100 ms minimum
        assertThat(d.sampleCount()).isEqualTo(3);
        assertThat(d.phi(ms(1800 + 3500))).isCloseTo(PHI_AT_MEAN, within(1e-9));
        assertThat(d.phi(ms(1800 + 3600))).isCloseTo(PHI_ONE_SD_LATE, within(1e-9));
    }

    @Test
    void teaching_phi_detects_about_half_a_second_after_a_missed_heartbeat() {
        PhiAccrualDetector d = new PhiAccrualDetector(Presets.teaching().phi());
        for (long t = 0; t <= 10; t++) {
            d.heartbeat(ms(t * 500));
        }
        long last = ms(5000);

        // samples 375, 625 and ten of 500 ms: mean 500 ms, sd 51.03 ms raised to 100 ms, no pause
        assertThat(d.phi(last + ms(700))).isCloseTo(1.6428278854871123, within(1e-9));
        assertThat(d.predictedCrossingNanos()).isCloseTo(last + 1_022_598_664L, within(100_000L));
    }
}
