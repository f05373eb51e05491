package lab.heartbeat.detect;


/** One failure detector, named as in the lab's vocabulary. */
public enum Mechanism implements Labelled {
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

    @Override
    public String label() {
        return label;
    }

    /** The mechanism with this label; the message lists the valid ones. */
    public static Mechanism ofLabel(String label) {
        return Labelled.byLabel(Mechanism.class, label, "mechanism");
    }

    @Override
    public String toString() {
        return label;
    }
}
