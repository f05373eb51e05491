package lab.heartbeat.transport;

/** The life of a reconnecting client. */
public enum ClientState {
    CONNECTING, UP, BACKOFF, STOPPED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
