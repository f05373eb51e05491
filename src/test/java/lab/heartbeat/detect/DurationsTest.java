package lab.heartbeat.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
        "500ms, 500000000",
        "3s, 3000000000",
        "2m, 120000000000",
        "1h, 3600000000000",
        "1.5s, 1500000000",
        "0s, 0",
        "'  3s ', 3000000000",
        "0.25ms, 250000",
        "-1s, -1000000000"
    })
    void parses_a_number_and_a_unit(String text, long nanos) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofNanos(nanos));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "3", "3d", "", "s", "1.s", "ms500", "1 5s"})
    void rejects_anything_else_with_an_example(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad duration '" + text
                        + "': expected a number followed by ms, s, m or h (e.g. 500ms, 3s, 2m)");
    }

    @ParameterizedTest
    @CsvSource({
        "500000000, 500ms",
        "3000000000, 3s",
        "120000000000, 2m",
        "3600000000000, 1h",
        "1500000000, 1500ms",
        "90000000000, 90s",
        "0, 0s",
        "1500000, 1.5ms",
        "-1000000000, -1s"
    })
    void formats_in_the_largest_whole_unit(long nanos, String text) {
        assertThat(Durations.format(Duration.ofNanos(nanos))).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"500ms", "3s", "2m", "1h", "1500ms", "0s", "75s", "32767s", "1.5ms"})
    void format_and_parse_round_trip(String text) {
        assertThat(Durations.format(Durations.parse(text))).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 999_999, 2_500_000_000L, 86_400_000_000_000L})
    void parse_gives_back_what_format_printed(long nanos) {
        Duration d = Duration.ofNanos(nanos);
        assertThat(Durations.parse(Durations.format(d))).isEqualTo(d);
    }
}
