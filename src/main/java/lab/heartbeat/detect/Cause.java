package lab.heartbeat.detect;

/** Why a connection ended. The first five are detections by a mechanism; the rest are not. */
public enum Cause {
    APP_HEARTBEAT("app-heartbeat", Mechanism.APP_HEARTBEAT),
    SERVER_SWEEP("server-sweep", Mechanism.SERVER_SWEEP),
    PHI_ACCRUAL("phi-accrual", Mechanism.PHI_ACCRUAL),
    OS_KEEPALIVE("os-keepalive", Mechanism.OS_KEEPALIVE),
    USER_TIMEOUT("user-timeout", Mechanism.USER_TIMEOUT),
    /** ETIMEDOUT from the kernel's retransmission limit (tcp_retries2) with neither keepalive nor user timeout set. */
    RETRANSMISSION_TIMEOUT("retransmission-timeout", null),
    PEER_CLOSED("peer-closed", null),
    RESET("reset", null),
    PROTOCOL_ERROR("protocol-error", null),
    /** A fault of this program (not of the peer or the network) while handling the connection. */
    INTERNAL_ERROR("internal-error", null),
    LOCAL_CLOSE("local-close", null);

    private final String label;
    private final Mechanism mechanism;

    Cause(String label, Mechanism mechanism) {
        this.label = label;
        this.mechanism = mechanism;
    }

    public String label() {
        return label;
    }

    /** The mechanism that decided, or {@code null} when the end was not a detection. */
    public Mechanism mechanism() {
        return mechanism;
    }

    public boolean isDetection() {
        return mechanism != null;
    }

    @Override
    public String toString() {
        return label;
    }
}
