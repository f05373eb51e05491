package lab.heartbeat.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final DoubleSupplier NO_JITTER = () -> 0.5;
    private static final DoubleSupplier LOWEST = () -> 0.0;
    private static final DoubleSupplier HIGHEST = () -> Math.nextDown(1.0);

    private static List<Long> millis(Backoff backoff, int attempts, DoubleSupplier random) {
        return IntStream.rangeClosed(1, attempts).mapToObj(a -> backoff.delay(a, random).toMillis()).toList();
    }

    @Test
    void grpc_grows_by_one_point_six_until_the_cap() {
        assertThat(millis(Backoff.grpc(), 13, NO_JITTER)).containsExactly(
                1000L, 1600L, 2560L, 4096L, 6554L, 10486L, 16777L, 26844L, 42950L, 68719L, 109951L,
                120000L, 120000L);
    }

    @Test
    void jitter_spreads_twenty_percent_either_way_also_at_the_cap() {
        Backoff grpc = Backoff.grpc();

        assertThat(grpc.delay(1, LOWEST)).isEqualTo(Duration.ofMillis(800));
        assertThat(grpc.delay(1, HIGHEST)).isEqualTo(Duration.ofMillis(1200));
        assertThat(grpc.delay(20, LOWEST)).isEqualTo(Duration.ofMillis(96000));
        assertThat(grpc.delay(20, HIGHEST)).isEqualTo(Duration.ofMillis(144000));
    }

    @Test
    void teaching_backoff_reaches_its_five_second_cap_at_the_sixth_attempt() {
        assertThat(millis(Presets.teaching().backoff(), 7, NO_JITTER))
                .containsExactly(500L, 800L, 1280L, 2048L, 3277L, 5000L, 5000L);
    }

    @Test
    void a_huge_attempt_number_stays_at_the_cap() {
        assertThat(Backoff.grpc().delay(100_000, NO_JITTER)).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void no_jitter_ignores_the_random_value() {
        Backoff fixed = new Backoff(Duration.ofMillis(250), 2, 0, Duration.ofSeconds(1));

        assertThat(millis(fixed, 4, LOWEST)).containsExactly(250L, 500L, 1000L, 1000L);
    }

    @Test
    void validation_names_the_field() {
        Duration s1 = Duration.ofSeconds(1);
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, 2, 0, s1))
                .hasMessage("backoff initial must be positive: 0s");
        assertThatThrownBy(() -> new Backoff(s1, 0.5, 0, s1))
                .hasMessage("backoff multiplier must be at least 1: 0.5");
        assertThatThrownBy(() -> new Backoff(s1, 2, 1.0, s1))
                .hasMessage("backoff jitter must be in [0, 1): 1.0");
        assertThatThrownBy(() -> new Backoff(s1, 2, -0.1, s1))
                .hasMessage("backoff jitter must be in [0, 1): -0.1");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), 2, 0, s1))
                .hasMessage("backoff max must be at least backoff initial: 1s < 2s");
        assertThatThrownBy(() -> Backoff.grpc().delay(0, NO_JITTER))
                .hasMessage("attempt must be at least 1: 0");
    }
}
