package lab.heartbeat.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One decoded frame. The payload is copied out of Netty's buffers so that a frame can be
 * held, logged or queued without reference counting.
 */
public record Frame(FrameType type, byte[] payload) {

    /** Size of the header that starts every frame: two little-endian int32, type and length. */
    public static final int HEADER_BYTES = 8;

    private static final byte[] EMPTY = new byte[0];
    private static final Frame HEARTBEAT = new Frame(FrameType.HEARTBEAT, EMPTY);
    private static final Frame HEARTBEAT_ACK = new Frame(FrameType.HEARTBEAT_ACK, EMPTY);

    public Frame {
        Objects.requireNonNull(type, "type");
        payload = payload == null ? EMPTY : payload;
    }

    public static Frame heartbeat() {
        return HEARTBEAT;
    }

    public static Frame heartbeatAck() {
        return HEARTBEAT_ACK;
    }

    public static Frame data(byte[] payload) {
        return new Frame(FrameType.DATA, payload);
    }

    public static Frame hello(String text) {
        return new Frame(FrameType.HELLO, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Whole frame length as it goes on the wire, header included. */
    public int wireLength() {
        return HEADER_BYTES + payload.length;
    }

    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return type + "[" + payload.length + " bytes]";
    }
}
