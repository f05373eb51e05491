package lab.heartbeat.detect;

/** What a client sends on its heartbeat timer. */
public enum HeartbeatMode {
    /** Nothing: detection is left to the kernel. */
    NONE,
    /** A HEARTBEAT the server answers with HEARTBEAT_ACK; the client counts misses. */
    REQUEST,
    /** A one-way HEARTBEAT with no reply; the server's sweep detects. */
    BEACON
}
