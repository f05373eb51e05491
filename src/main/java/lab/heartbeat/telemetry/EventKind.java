package lab.heartbeat.telemetry;

/** The kinds of event in the lab's log, named as they appear in JSON output. */
public enum EventKind {
    SERVER_STARTED("server-started"),
    SERVER_STOPPED("server-stopped"),
    CONNECTED("connected"),
    DISCONNECTED("disconnected"),
    DETECTED("detected"),
    PROTOCOL_ERROR("protocol-error"),
    RECONNECT_ATTEMPT("reconnect-attempt"),
    STATE_CHANGED("state-changed"),
    CLIENT_ADDED("client-added"),
    CLIENT_REMOVED("client-removed"),
    FAULT_INJECTED("fault-injected"),
    FAULT_CLEARED("fault-cleared"),
    ACTION("action"),
    UNSUPPORTED("unsupported"),
    CONNECTION_REFUSED("connection-refused"),
    ACCEPT_FAILED("accept-failed");

    private final String label;

    EventKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
