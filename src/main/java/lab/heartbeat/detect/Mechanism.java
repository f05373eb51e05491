package lab.heartbeat.detect;

import java.util.Arrays;
import java.util.stream.Collectors;

/** One failure detector, named as in the lab's vocabulary. */
public enum Mechanism {
    APP_HEARTBEAT("app-heartbeat"),
    BEACON("beacon"),
    SERVER_SWEEP("server-sweep"),
    OS_KEEPALIVE("os-keepalive"),
    USER_TIMEOUT("user-timeout"),
    PHI_ACCRUAL("phi-accrual");

    private final String label;

    Mechanism(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The mechanism with this label; the message lists the valid ones. */
    public static Mechanism ofLabel(String label) {
        for (Mechanism m : values()) {
            if (m.label.equals(label)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mechanism '" + label + "'; expected one of "
                + Arrays.stream(values()).map(Mechanism::label).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return label;
    }
}
