package lab.heartbeat.protocol;

/** The four frame types of the seed-compatible wire protocol. */
public enum FrameType {
    HEARTBEAT(0),
    HEARTBEAT_ACK(1),
    DATA(2),
    HELLO(3);

    private final int code;

    FrameType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The type for a wire code, or {@code null} when the code is unknown. */
    public static FrameType ofCode(int code) {
        return code >= 0 && code < VALUES.length ? VALUES[code] : null;
    }

    private static final FrameType[] VALUES = values();
}
