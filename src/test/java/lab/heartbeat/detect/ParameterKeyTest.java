package lab.heartbeat.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterKeyTest {

    /** A value of each key that no teaching profile has, spelled as the key's reader gives it back. */
    private static final Map<ParameterKey, String> OTHER_VALUES = new EnumMap<>(Map.ofEntries(
            Map.entry(ParameterKey.HEARTBEAT_INTERVAL, "750ms"),
            Map.entry(ParameterKey.HEARTBEAT_MISSES, "7"),
            Map.entry(ParameterKey.KEEPALIVE, "off"),
            Map.entry(ParameterKey.KEEPALIVE_IDLE, "9s"),
            Map.entry(ParameterKey.KEEPALIVE_INTERVAL, "4s"),
            Map.entry(ParameterKey.KEEPALIVE_COUNT, "6"),
            Map.entry(ParameterKey.USER_TIMEOUT, "4500ms"),
            Map.entry(ParameterKey.PHI_THRESHOLD, "12.5"),
            Map.entry(ParameterKey.BACKOFF_INITIAL, "2s"),
            Map.entry(ParameterKey.BACKOFF_MULTIPLIER, "2.5"),
            Map.entry(ParameterKey.BACKOFF_JITTER, "0.3"),
            Map.entry(ParameterKey.BACKOFF_MAX, "30s"),
            Map.entry(ParameterKey.CONNECT_TIMEOUT, "7s")));

    private static Profile teaching(ParameterKey key) {
        ProfileKind kind = key == ParameterKey.PHI_THRESHOLD ? ProfileKind.PHI_ACCRUAL : ProfileKind.USER_TIMEOUT;
        return Profile.of(kind, Presets.teaching());
    }

    @Test
    void every_key_sets_what_its_reader_reads() {
        assertThat(OTHER_VALUES).containsOnlyKeys(ParameterKey.values());
        for (ParameterKey key : ParameterKey.values()) {
            Profile before = teaching(key);
            String value = OTHER_VALUES.get(key);
            assertThat(key.read(before)).as(key.key()).isNotEqualTo(value);

            Profile after = before.withOverrides(Map.of(key.key(), value));

            assertThat(key.read(after)).as(key.key()).isEqualTo(value);
            Arrays.stream(ParameterKey.values()).filter(other -> other != key && !changesWith(key, other))
                    .forEach(other -> assertThat(other.read(after)).as(key.key() + " leaves " + other.key())
                            .isEqualTo(other.read(before)));
        }
    }

    /** Turning keepalive off empties its timings. */
    private static boolean changesWith(ParameterKey set, ParameterKey read) {
        return set == ParameterKey.KEEPALIVE && read.isKeepaliveTiming();
    }

    @Test
    void every_value_read_from_a_profile_sets_the_same_profile() {
        for (ProfileKind kind : ProfileKind.values()) {
            for (Preset preset : Presets.all()) {
                Profile p = Profile.of(kind, preset);
                for (ParameterKey key : ParameterKey.values()) {
                    String value = key.read(p);
                    if (!value.isEmpty()) {
                        assertThat(p.withOverrides(Map.of(key.key(), value))).as(p.name() + " " + key.key())
                                .isEqualTo(p);
                    }
                }
            }
        }
    }

    @Test
    void keys_are_found_by_their_spelling_and_an_unknown_key_lists_them_all() {
        assertThat(ParameterKey.of("keepaliveIdle")).contains(ParameterKey.KEEPALIVE_IDLE);
        assertThat(ParameterKey.of("KeepaliveIdle")).isEmpty();
        assertThat(ParameterKey.allKeys()).startsWith("heartbeatInterval, heartbeatMisses, keepalive, ")
                .endsWith(", backoffMax, connectTimeout");
        assertThatThrownBy(() -> Profile.of(ProfileKind.BEACON, Presets.teaching())
                .withOverrides(Map.of("keepalivIdle", "3s")))
                .hasMessage("unknown profile parameter 'keepalivIdle'; expected one of " + ParameterKey.allKeys());
    }

    @Test
    void keepalive_timings_and_backoff_numbers_are_checked_as_one_record_each() {
        assertThat(Arrays.stream(ParameterKey.values()).filter(ParameterKey::isKeepaliveTiming))
                .containsExactly(ParameterKey.KEEPALIVE_IDLE, ParameterKey.KEEPALIVE_INTERVAL,
                        ParameterKey.KEEPALIVE_COUNT);
        assertThat(Arrays.stream(ParameterKey.values()).filter(ParameterKey::isBackoff))
                .containsExactly(ParameterKey.BACKOFF_INITIAL, ParameterKey.BACKOFF_MULTIPLIER,
                        ParameterKey.BACKOFF_JITTER, ParameterKey.BACKOFF_MAX);
        assertThatThrownBy(() -> Profile.of(ProfileKind.OS_KEEPALIVE, Presets.teaching())
                .withOverrides(Map.of("backoffInitial", "10s", "backoffMax", "1s")))
                .hasMessageStartingWith("backoffInitial, backoffMax: ");
    }

    @Test
    void the_readme_lists_every_key_in_this_order() throws IOException {
        String readme = Files.readString(Path.of("README.md")).replaceAll("\\s+", " ");
        String listed = Arrays.stream(ParameterKey.values()).map(k -> "`" + k.key() + "`")
                .reduce((a, b) -> a + "[^`]*" + b).orElseThrow();

        assertThat(readme).containsPattern(listed);
    }
}
