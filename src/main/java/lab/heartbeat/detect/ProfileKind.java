package lab.heartbeat.detect;


/** The families of client profiles a preset can be turned into. */
public enum ProfileKind implements Labelled {
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

    @Override
    public String label() {
        return label;
    }

    /** The kind with this label; the message lists the valid ones. */
    public static ProfileKind ofLabel(String label) {
        return Labelled.byLabel(ProfileKind.class, label, "profile kind");
    }

    @Override
    public String toString() {
        return label;
    }
}
