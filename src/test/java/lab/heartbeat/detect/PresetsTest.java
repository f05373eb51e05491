package lab.heartbeat.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PresetsTest {

    static Stream<Arguments> everyKindOfEveryPreset() {
        return Presets.all().stream()
                .flatMap(p -> Stream.of(ProfileKind.values()).map(k -> Arguments.of(p.name(), k)));
    }

    @ParameterizedTest(name = "{1} of {0}")
    @MethodSource("everyKindOfEveryPreset")
    void every_kind_of_every_preset_is_a_valid_profile(String presetName, ProfileKind kind) {
        Profile profile = Profile.of(kind, Presets.byName(presetName));

        assertThat(profile.name()).isEqualTo(kind.label() + "/" + presetName);
        assertThat(profile.kind()).isEqualTo(kind);
        assertThat(profile.withOverrides(Map.of())).isEqualTo(profile);
    }

    @Test
    void names_are_unique_and_found_by_name() {
        assertThat(Presets.all()).extracting(Preset::name)
                .containsExactly("seed-000", "seed-001", "seed-002", "seed-004", "grpc", "teaching");
        for (Preset p : Presets.all()) {
            assertThat(Presets.byName(p.name())).isSameAs(p);
            assertThat(p.description()).isNotBlank();
            assertThat(p.defaultProfile().kind()).isEqualTo(p.defaultKind());
        }
        assertThat(Presets.teaching()).isSameAs(Presets.byName("teaching"));
    }

    @Test
    void an_unknown_name_lists_the_valid_ones() {
        assertThatThrownBy(() -> Presets.byName("seed-003"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown preset 'seed-003'; expected one of seed-000, seed-001, seed-002, seed-004, "
                        + "grpc, teaching");
    }

    @Test
    void seed_000_is_the_qt_counter_with_linux_default_keepalive() {
        Preset p = Presets.byName("seed-000");

        assertThat(p.heartbeatInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.heartbeatMisses()).isEqualTo(6);
        assertThat(p.sweep()).isEqualTo(new SweepParams(Duration.ofSeconds(5), 6));
        assertThat(p.serverKeepalive()).isEqualTo(KeepaliveParams.ofSeconds(7200, 75, 9));
        assertThat(p.keepalive()).isEqualTo(KeepaliveParams.ofSeconds(7200, 75, 9));
        assertThat(p.defaultKind()).isEqualTo(ProfileKind.APP_HEARTBEAT);
    }

    @Test
    void seed_002_is_beacons_every_three_seconds_and_a_five_sweep_server() {
        Preset p = Presets.byName("seed-002");

        assertThat(p.defaultKind()).isEqualTo(ProfileKind.BEACON);
        assertThat(p.heartbeatInterval()).isEqualTo(Duration.ofSeconds(3));
        assertThat(p.sweep()).isEqualTo(new SweepParams(Duration.ofSeconds(3), 5));
    }

    @Test
    void seeds_001_and_004_are_tuned_keepalive() {
        assertThat(Presets.byName("seed-001").keepalive()).isEqualTo(KeepaliveParams.ofSeconds(5, 3, 3));
        assertThat(Presets.byName("seed-001").defaultKind()).isEqualTo(ProfileKind.OS_KEEPALIVE);
        assertThat(Presets.byName("seed-004").keepalive()).isEqualTo(KeepaliveParams.ofSeconds(6, 5, 3));
        assertThat(Presets.byName("seed-004").defaultKind()).isEqualTo(ProfileKind.OS_KEEPALIVE);
    }

    @Test
    void grpc_uses_grpcs_backoff_connect_timeout_and_user_timeout() {
        Preset p = Presets.byName("grpc");

        assertThat(p.backoff()).isEqualTo(Backoff.grpc());
        assertThat(p.connectTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(p.userTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(p.keepalive()).isNull();
    }

    @Test
    void teaching_is_fast() {
        Preset p = Presets.teaching();

        assertThat(p.heartbeatInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(p.heartbeatMisses()).isEqualTo(3);
        assertThat(p.keepalive()).isEqualTo(KeepaliveParams.ofSeconds(2, 1, 3));
        assertThat(p.userTimeout()).isEqualTo(Duration.ofMillis(3000));
        assertThat(p.sweep()).isEqualTo(new SweepParams(Duration.ofSeconds(1), 3));
        assertThat(p.phi()).isEqualTo(new PhiAccrualParams(
                8.0, 1000, Duration.ofMillis(100), Duration.ZERO, Duration.ofMillis(500)));
        assertThat(p.backoff()).isEqualTo(new Backoff(Duration.ofMillis(500), 1.6, 0.2, Duration.ofSeconds(5)));
        assertThat(p.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void validation_names_the_field() {
        Preset t = Presets.teaching();
        assertThatThrownBy(() -> new Preset("x", "d", ProfileKind.BEACON, Duration.ZERO, 3, null, t.userTimeout(),
                t.phi(), null, null, t.backoff(), t.connectTimeout()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("heartbeatInterval must be positive: 0s");
        assertThatThrownBy(() -> new Preset(" ", "d", ProfileKind.BEACON, t.heartbeatInterval(), 3, null,
                t.userTimeout(), t.phi(), null, null, t.backoff(), t.connectTimeout()))
                .hasMessage("name must not be blank");
        assertThatThrownBy(() -> new Preset("x", "d", null, t.heartbeatInterval(), 3, null,
                t.userTimeout(), t.phi(), null, null, t.backoff(), t.connectTimeout()))
                .hasMessage("defaultKind is required");
    }
}
