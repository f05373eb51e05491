package lab.heartbeat.detect;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The families of client profiles a preset can be turned into. */
public enum ProfileKind {
    APP_HEARTBEAT("app-heartbeat"),
    BEACON("beacon"),
    OS_KEEPALIVE("os-keepalive"),
    /** App heartbeat and OS keepalive together. */
    BOTH("both"),
    /** Beacons flowing, bounded by {@code TCP_USER_TIMEOUT}; keepalive too when the preset has it. */
    USER_TIMEOUT("user-timeout"),
    /** Request heartbeats judged by phi instead of the miss counter. */
    PHI_ACCRUAL("phi-accrual");

    private final String label;

    ProfileKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The kind with this label; the message lists the valid ones. */
    public static ProfileKind ofLabel(String label) {
        for (ProfileKind k : values()) {
            if (k.label.equals(label)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown profile kind '" + label + "'; expected one of "
                + Arrays.stream(values()).map(ProfileKind::label).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return label;
    }
}
