package lab.heartbeat.detect;

import java.time.Duration;

/**
 * A named set of parameters for every mechanism, client and server, from which each {@link ProfileKind}
 * builds a profile. {@code keepalive} is {@code null} when the source sets none (SO_KEEPALIVE then means the
 * kernel defaults); {@code sweep} and {@code serverKeepalive} are {@code null} when the server does not run them.
 */
public record Preset(String name, String description, ProfileKind defaultKind, Duration heartbeatInterval,
                     int heartbeatMisses, KeepaliveParams keepalive, Duration userTimeout, PhiAccrualParams phi,
                     SweepParams sweep, KeepaliveParams serverKeepalive, Backoff backoff, Duration connectTimeout) {

    public Preset {
        Checks.required("name", name);
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        Checks.required("description", description);
        Checks.required("defaultKind", defaultKind);
        Checks.positive("heartbeatInterval", heartbeatInterval);
        Checks.atLeast("heartbeatMisses", heartbeatMisses, 1);
        Checks.positive("userTimeout", userTimeout);
        Checks.required("phi", phi);
        Checks.required("backoff", backoff);
        Checks.positive("connectTimeout", connectTimeout);
    }

    /** The profile of this preset's default kind. */
    public Profile defaultProfile() {
        return Profile.of(defaultKind, this);
    }
}
