package lab.heartbeat.transport;

import java.time.Duration;

/**
 * The network layer's only way to report upwards (as pushy's metrics listener): telemetry
 * implements it. Methods may be called from any event loop and must not block.
 */
public interface TransportListener {

    /** A connection opened; the returned observer receives its events. */
    ConnectionObserver connectionOpened(ConnectionId id, String remoteAddress, long nanos);

    void clientStateChanged(String client, ClientState state, long nanos);

    void reconnectScheduled(String client, int attempt, Duration delay, String lastError, long nanos);

    void serverStarted(int port, String transport, long nanos);

    void serverStopped(int port, long nanos);

    /** Something the user asked for that this platform cannot do, said once. */
    void unsupported(String client, String what, long nanos);

    /** A connection was closed as soon as accepted, because the server is at its connection limit. */
    default void connectionRefused(String remoteAddress, String reason, long nanos) {
    }

    /**
     * Accepting failed (out of file descriptors, for example); the server stops accepting for
     * {@code retryIn}. Called on the server's event loop at the first failure of a streak and then at
     * most once per back-off, so it must not need a resource that may be exhausted (no file, no class
     * loaded for the first time).
     */
    default void acceptFailed(String reason, Duration retryIn, long nanos) {
    }

    /** A listener that ignores everything. */
    TransportListener NONE = new TransportListener() {
        @Override public ConnectionObserver connectionOpened(ConnectionId id, String remote, long nanos) {
            return ConnectionObserver.NONE;
        }
        @Override public void clientStateChanged(String client, ClientState state, long nanos) { }
        @Override public void reconnectScheduled(String client, int attempt, Duration delay, String err, long nanos) { }
        @Override public void serverStarted(int port, String transport, long nanos) { }
        @Override public void serverStopped(int port, long nanos) { }
        @Override public void unsupported(String client, String what, long nanos) { }
    };
}
