package lab.heartbeat.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProfileTest {

    private static final Preset TEACHING = Presets.teaching();

    private static Profile teaching(ProfileKind kind) {
        return Profile.of(kind, TEACHING);
    }

    private static Profile with(Profile base, Duration heartbeatInterval, Duration userTimeout) {
        return new Profile(base.name(), base.kind(), base.heartbeat(), heartbeatInterval, base.heartbeatMisses(),
                base.keepalive(), userTimeout, base.phi(), base.backoff(), base.connectTimeout());
    }

    @Test
    void app_heartbeat_sends_requests_and_counts_misses() {
        Profile p = teaching(ProfileKind.APP_HEARTBEAT);

        assertThat(p.name()).isEqualTo("app-heartbeat/teaching");
        assertThat(p.heartbeat()).isEqualTo(HeartbeatMode.REQUEST);
        assertThat(p.heartbeatInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(p.heartbeatMisses()).isEqualTo(3);
        assertThat(p.clientMechanisms()).containsExactly(Mechanism.APP_HEARTBEAT);
        assertThat(p.sendsHeartbeats()).isTrue();
    }

    @Test
    void beacon_leaves_detection_to_the_server() {
        Profile p = teaching(ProfileKind.BEACON);

        assertThat(p.heartbeat()).isEqualTo(HeartbeatMode.BEACON);
        assertThat(p.sendsHeartbeats()).isTrue();
        assertThat(p.clientMechanisms()).isEmpty();
    }

    @Test
    void os_keepalive_sends_nothing() {
        Profile p = teaching(ProfileKind.OS_KEEPALIVE);

        assertThat(p.heartbeat()).isEqualTo(HeartbeatMode.NONE);
        assertThat(p.sendsHeartbeats()).isFalse();
        assertThat(p.keepalive()).isEqualTo(KeepaliveParams.ofSeconds(2, 1, 3));
        assertThat(p.clientMechanisms()).containsExactly(Mechanism.OS_KEEPALIVE);
    }

    @Test
    void os_keepalive_of_a_preset_without_keepalive_uses_the_kernel_defaults() {
        Profile p = Profile.of(ProfileKind.OS_KEEPALIVE, Presets.byName("seed-002"));

        assertThat(p.keepalive()).isEqualTo(KeepaliveParams.linuxDefaults());
    }

    @Test
    void both_is_app_heartbeat_and_keepalive() {
        assertThat(teaching(ProfileKind.BOTH).clientMechanisms())
                .containsExactly(Mechanism.APP_HEARTBEAT, Mechanism.OS_KEEPALIVE);
        assertThat(teaching(ProfileKind.BOTH).heartbeat()).isEqualTo(HeartbeatMode.REQUEST);
    }

    @Test
    void user_timeout_keeps_beacons_flowing_and_adds_keepalive_only_when_the_preset_has_it() {
        Profile withKeepalive = teaching(ProfileKind.USER_TIMEOUT);
        Profile grpc = Profile.of(ProfileKind.USER_TIMEOUT, Presets.byName("grpc"));

        assertThat(withKeepalive.heartbeat()).isEqualTo(HeartbeatMode.BEACON);
        assertThat(withKeepalive.userTimeout()).isEqualTo(Duration.ofMillis(3000));
        assertThat(withKeepalive.clientMechanisms()).containsExactly(Mechanism.OS_KEEPALIVE, Mechanism.USER_TIMEOUT);
        assertThat(grpc.clientMechanisms()).containsExactly(Mechanism.USER_TIMEOUT);
    }

    @Test
    void phi_accrual_replaces_the_miss_counter() {
        Profile p = teaching(ProfileKind.PHI_ACCRUAL);

        assertThat(p.heartbeat()).isEqualTo(HeartbeatMode.REQUEST);
        assertThat(p.phi()).isEqualTo(TEACHING.phi());
        assertThat(p.clientMechanisms()).containsExactly(Mechanism.PHI_ACCRUAL);
    }

    @Test
    void validation_names_the_field() {
        Profile app = teaching(ProfileKind.APP_HEARTBEAT);
        Profile beacon = teaching(ProfileKind.BEACON);

        assertThatThrownBy(() -> with(app, Duration.ofSeconds(-1), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("heartbeatInterval must be positive: -1s");
        assertThatThrownBy(() -> with(beacon, null, null)).hasMessage("heartbeatInterval is required");
        assertThatThrownBy(() -> with(app, app.heartbeatInterval(), Duration.ZERO))
                .hasMessage("userTimeout must be positive: 0s");
        assertThatThrownBy(() -> with(app, app.heartbeatInterval(), Duration.ofMillis(Integer.MAX_VALUE + 1L)))
                .hasMessage("userTimeout must be at most 2147483647ms: 2147483648ms");
        assertThatThrownBy(() -> with(app, app.heartbeatInterval(), Duration.ofNanos(1_500_000)))
                .hasMessage("userTimeout must be whole milliseconds: 1.5ms");
        assertThatThrownBy(() -> new Profile("p", ProfileKind.PHI_ACCRUAL, HeartbeatMode.BEACON,
                Duration.ofSeconds(1), 3, null, null, TEACHING.phi(), TEACHING.backoff(), Duration.ofSeconds(1)))
                .hasMessageStartingWith("phi requires heartbeat REQUEST");
        assertThatThrownBy(() -> new Profile("p", ProfileKind.APP_HEARTBEAT, HeartbeatMode.REQUEST,
                Duration.ofSeconds(1), 0, null, null, null, TEACHING.backoff(), Duration.ofSeconds(1)))
                .hasMessage("heartbeatMisses must be at least 1: 0");
        assertThatThrownBy(() -> new Profile("p", ProfileKind.APP_HEARTBEAT, HeartbeatMode.REQUEST,
                Duration.ofSeconds(1), 3, null, null, null, TEACHING.backoff(), Duration.ZERO))
                .hasMessage("connectTimeout must be positive: 0s");
        assertThatThrownBy(() -> new Profile("p", ProfileKind.APP_HEARTBEAT, HeartbeatMode.REQUEST,
                Duration.ofSeconds(1), 3, null, null, null, null, Duration.ofSeconds(1)))
                .hasMessage("backoff is required");
    }

    @Test
    void a_profile_without_heartbeats_needs_no_interval() {
        Profile keepalive = teaching(ProfileKind.OS_KEEPALIVE);

        assertThat(keepalive.heartbeatInterval()).isNull();
        assertThatThrownBy(() -> with(keepalive, Duration.ZERO, null))
                .hasMessage("heartbeatInterval must be positive: 0s");
    }

    @Test
    void overrides_replace_heartbeat_user_timeout_backoff_and_connect_timeout() {
        Profile p = teaching(ProfileKind.APP_HEARTBEAT).withOverrides(Map.of(
                "heartbeatInterval", "2s", "heartbeatMisses", "4", "userTimeout", "1500ms",
                "backoffInitial", "1s", "backoffMultiplier", "2", "backoffJitter", "0", "backoffMax", "10s",
                "connectTimeout", "750ms"));

        assertThat(p.name()).isEqualTo("app-heartbeat/teaching");
        assertThat(p.heartbeatInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.heartbeatMisses()).isEqualTo(4);
        assertThat(p.userTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(p.backoff()).isEqualTo(new Backoff(Duration.ofSeconds(1), 2, 0, Duration.ofSeconds(10)));
        assertThat(p.connectTimeout()).isEqualTo(Duration.ofMillis(750));
        assertThat(p.clientMechanisms()).containsExactly(Mechanism.APP_HEARTBEAT, Mechanism.USER_TIMEOUT);
    }

    @Test
    void backoff_overrides_are_checked_together_so_their_order_does_not_matter() {
        Profile p = teaching(ProfileKind.APP_HEARTBEAT)
                .withOverrides(Map.of("backoffInitial", "10s", "backoffMax", "20s"));

        assertThat(p.backoff().initial()).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.backoff().max()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void keepalive_overrides_switch_keepalive_on_or_off() {
        Profile app = teaching(ProfileKind.APP_HEARTBEAT);

        Profile tuned = app.withOverrides(Map.of("keepaliveIdle", "10s"));
        Profile on = app.withOverrides(Map.of("keepalive", "on"));
        Profile changed = teaching(ProfileKind.BOTH)
                .withOverrides(Map.of("keepaliveInterval", "4s", "keepaliveCount", "5"));
        Profile off = teaching(ProfileKind.BOTH).withOverrides(Map.of("keepalive", "off"));

        assertThat(tuned.keepalive()).isEqualTo(KeepaliveParams.ofSeconds(10, 75, 9));
        assertThat(on.keepalive()).isEqualTo(KeepaliveParams.linuxDefaults());
        assertThat(changed.keepalive()).isEqualTo(KeepaliveParams.ofSeconds(2, 4, 5));
        assertThat(off.keepalive()).isNull();
        assertThat(off.clientMechanisms()).containsExactly(Mechanism.APP_HEARTBEAT);
    }

    @Test
    void user_timeout_off_removes_it() {
        Profile p = teaching(ProfileKind.USER_TIMEOUT).withOverrides(Map.of("userTimeout", "off"));

        assertThat(p.userTimeout()).isNull();
        assertThat(p.clientMechanisms()).containsExactly(Mechanism.OS_KEEPALIVE);
    }

    @Test
    void phi_threshold_override() {
        Profile p = teaching(ProfileKind.PHI_ACCRUAL).withOverrides(Map.of("phiThreshold", "12.5"));

        assertThat(p.phi()).isEqualTo(TEACHING.phi().withThreshold(12.5));
    }

    @Test
    void an_unknown_key_lists_the_valid_ones() {
        assertThatThrownBy(() -> teaching(ProfileKind.APP_HEARTBEAT)
                .withOverrides(Map.of("heartbeatIntervall", "1s")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown profile parameter 'heartbeatIntervall'; expected one of heartbeatInterval, "
                        + "heartbeatMisses, keepalive, keepaliveIdle, keepaliveInterval, keepaliveCount, "
                        + "userTimeout, phiThreshold, backoffInitial, backoffMultiplier, backoffJitter, "
                        + "backoffMax, connectTimeout");
    }

    @Test
    void a_bad_duration_names_the_key() {
        assertThatThrownBy(() -> teaching(ProfileKind.APP_HEARTBEAT)
                .withOverrides(Map.of("heartbeatInterval", "x")))
                .hasMessage("heartbeatInterval: bad duration 'x': expected a number followed by ms, s, m or h "
                        + "(e.g. 500ms, 3s, 2m)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "heartbeatInterval | -1s | heartbeatInterval must be positive: -1s",
        "heartbeatMisses | many | heartbeatMisses: bad integer 'many'",
        "heartbeatMisses | 0 | heartbeatMisses must be at least 1: 0",
        "keepalive | maybe | keepalive: bad value 'maybe': expected on or off",
        "keepaliveIdle | 2500ms | keepaliveIdle: keepalive idle must be whole seconds: 2500ms",
        "keepaliveInterval | 0s | keepaliveInterval: keepalive interval must be between 1s and 32767s: 0s",
        "keepaliveCount | 200 | keepaliveCount: keepalive count must be between 1 and 127: 200",
        "userTimeout | 0s | userTimeout must be positive: 0s",
        "userTimeout | soon | userTimeout: bad duration 'soon': expected a number followed by ms, s, m or h "
                + "(e.g. 500ms, 3s, 2m)",
        "phiThreshold | -1 | phiThreshold: phi threshold must be positive: -1.0",
        "phiThreshold | NaN | phiThreshold: bad number 'NaN'",
        "backoffInitial | 0s | backoffInitial: backoff initial must be positive: 0s",
        "backoffMultiplier | 0.5 | backoffMultiplier: backoff multiplier must be at least 1: 0.5",
        "backoffJitter | 1 | backoffJitter: backoff jitter must be in [0, 1): 1.0",
        "backoffMax | 100ms | backoffMax: backoff max must be at least backoff initial: 100ms < 500ms",
        "connectTimeout | 0ms | connectTimeout must be positive: 0s"
    })
    void a_bad_value_names_the_key(String key, String value, String message) {
        Profile phi = teaching(ProfileKind.PHI_ACCRUAL);

        assertThatThrownBy(() -> phi.withOverrides(Map.of(key, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void phi_threshold_on_a_profile_without_phi_is_refused() {
        assertThatThrownBy(() -> teaching(ProfileKind.APP_HEARTBEAT).withOverrides(Map.of("phiThreshold", "5")))
                .hasMessage("phiThreshold: profile 'app-heartbeat/teaching' has no phi-accrual detector");
    }

    @Test
    void keepalive_off_with_keepalive_parameters_is_a_contradiction() {
        assertThatThrownBy(() -> teaching(ProfileKind.BOTH)
                .withOverrides(Map.of("keepalive", "off", "keepaliveIdle", "3s")))
                .hasMessageStartingWith("keepalive: 'off' contradicts");
    }
}
