package lab.heartbeat.telemetry;

/**
 * The DATA frames of one connection: how many its client handed to the socket and how many the
 * lab's server counted on the same connection. TCP delivers in order, so the server's count is a
 * prefix of what was sent; once the connection has ended, the rest died with it. {@code endedNanos}
 * is when the client's end closed, or -1 while it is open.
 */
public record ConnectionData(String client, String connection, long connectedNanos, long endedNanos, long sent,
        long received) {

    public boolean ended() {
        return endedNanos >= 0;
    }

    /** Frames sent that the server never counted, once the connection has ended (0 while it is open). */
    public long lost() {
        return ended() ? Math.max(0, sent - received) : 0;
    }

    /** Whether the connection was open at {@code nanos}: what a fault at that moment hit. */
    public boolean openAt(long nanos) {
        return connectedNanos <= nanos && (endedNanos < 0 || endedNanos >= nanos);
    }
}
