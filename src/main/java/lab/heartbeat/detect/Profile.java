package lab.heartbeat.detect;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * How a client detects failure: which mechanisms run and with which parameters.
 * {@code keepalive}, {@code userTimeout} and {@code phi} are {@code null} when that mechanism is off;
 * {@code heartbeatInterval} may be {@code null} when {@code heartbeat} is {@link HeartbeatMode#NONE}.
 */
public record Profile(String name, ProfileKind kind, HeartbeatMode heartbeat, Duration heartbeatInterval,
                      int heartbeatMisses, KeepaliveParams keepalive, Duration userTimeout, PhiAccrualParams phi,
                      Backoff backoff, Duration connectTimeout) {

    public Profile {
        Checks.required("name", name);
        Checks.required("kind", kind);
        Checks.required("heartbeat", heartbeat);
        if (heartbeat != HeartbeatMode.NONE || heartbeatInterval != null) {
            Checks.positive(ParameterKey.HEARTBEAT_INTERVAL.key(), heartbeatInterval);
        }
        Checks.atLeast(ParameterKey.HEARTBEAT_MISSES.key(), heartbeatMisses, 1);
        if (userTimeout != null) {
            checkUserTimeout(userTimeout);
        }
        if (phi != null && heartbeat != HeartbeatMode.REQUEST) {
            throw new IllegalArgumentException("phi requires heartbeat REQUEST (phi needs the replies): " + heartbeat);
        }
        Checks.required("backoff", backoff);
        Checks.positive(ParameterKey.CONNECT_TIMEOUT.key(), connectTimeout);
    }

    /** The kind's mechanisms with the preset's parameters, named {@code kind/preset}. */
    public static Profile of(ProfileKind kind, Preset preset) {
        Checks.required("kind", kind);
        Checks.required("preset", preset);
        String name = kind.label() + "/" + preset.name();
        Duration interval = preset.heartbeatInterval();
        int misses = preset.heartbeatMisses();
        // SO_KEEPALIVE without tuning runs on the kernel's defaults, so a preset without keepalive still has one.
        KeepaliveParams keepalive = preset.keepalive() != null ? preset.keepalive() : KeepaliveParams.linuxDefaults();
        return switch (kind) {
            case APP_HEARTBEAT -> new Profile(name, kind, HeartbeatMode.REQUEST, interval, misses,
                    null, null, null, preset.backoff(), preset.connectTimeout());
            case BEACON -> new Profile(name, kind, HeartbeatMode.BEACON, interval, misses,
                    null, null, null, preset.backoff(), preset.connectTimeout());
            case OS_KEEPALIVE -> new Profile(name, kind, HeartbeatMode.NONE, null, misses,
                    keepalive, null, null, preset.backoff(), preset.connectTimeout());
            case BOTH -> new Profile(name, kind, HeartbeatMode.REQUEST, interval, misses,
                    keepalive, null, null, preset.backoff(), preset.connectTimeout());
            case USER_TIMEOUT -> new Profile(name, kind, HeartbeatMode.BEACON, interval, misses,
                    preset.keepalive(), preset.userTimeout(), null, preset.backoff(), preset.connectTimeout());
            case PHI_ACCRUAL -> new Profile(name, kind, HeartbeatMode.REQUEST, interval, misses,
                    null, null, preset.phi(), preset.backoff(), preset.connectTimeout());
        };
    }

    /** The mechanisms that can detect a failure on the client side of this profile's connections. */
    public Set<Mechanism> clientMechanisms() {
        Set<Mechanism> mechanisms = EnumSet.noneOf(Mechanism.class);
        if (heartbeat == HeartbeatMode.REQUEST && phi == null) {
            mechanisms.add(Mechanism.APP_HEARTBEAT);
        }
        if (phi != null) {
            mechanisms.add(Mechanism.PHI_ACCRUAL);
        }
        if (keepalive != null) {
            mechanisms.add(Mechanism.OS_KEEPALIVE);
        }
        if (userTimeout != null) {
            mechanisms.add(Mechanism.USER_TIMEOUT);
        }
        return mechanisms;
    }

    public boolean sendsHeartbeats() {
        return heartbeat != HeartbeatMode.NONE;
    }

    /**
     * This profile with parameters replaced, keeping its name; the keys are {@link ParameterKey}'s.
     * An unknown key or a bad value throws an IllegalArgumentException whose message names the key.
     */
    public Profile withOverrides(Map<String, String> params) {
        return ProfileOverrides.apply(this, params);
    }

    private static void checkUserTimeout(Duration userTimeout) {
        Checks.positive(ParameterKey.USER_TIMEOUT.key(), userTimeout);
        // TCP_USER_TIMEOUT is an unsigned int of milliseconds, and Java passes it as an int.
        if (userTimeout.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException(ParameterKey.USER_TIMEOUT.key() + " must be at most " + Integer.MAX_VALUE + "ms: "
                    + Durations.format(userTimeout));
        }
        if (userTimeout.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException(ParameterKey.USER_TIMEOUT.key() + " must be whole milliseconds: "
                    + Durations.format(userTimeout));
        }
    }
}
