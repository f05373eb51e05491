package lab.heartbeat.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import java.nio.ByteOrder;

/**
 * Splits the byte stream into {@link Frame}s. Netty's length-field decoder does the framing; this
 * class adds the seed programs' rule that a length below the header size means a bare header
 * (seed 002 sends 0) and rejects unknown types, negative lengths and oversized frames before
 * any payload is buffered.
 */
public final class FrameDecoder extends LengthFieldBasedFrameDecoder {

    /** Largest frame accepted unless configured otherwise: 64 KiB. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 64 * 1024;

    private final int maxFrameBytes;
    /** Once a frame is rejected the stream has no frame boundaries left; what follows is dropped. */
    private boolean rejected;

    public FrameDecoder() {
        this(DEFAULT_MAX_FRAME_BYTES);
    }

    public FrameDecoder(int maxFrameBytes) {
        // len counts the whole frame, header included: the adjustment takes the header back out.
        // (Netty's constructor refuses a maximum below the header's 8 bytes.)
        super(ByteOrder.LITTLE_ENDIAN, maxFrameBytes, 4, 4, -Frame.HEADER_BYTES, 0, true);
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    protected Object decode(ChannelHandlerContext ctx, ByteBuf in) throws Exception {
        if (rejected) {
            in.skipBytes(in.readableBytes());
            return null;
        }
        if (in.readableBytes() < Frame.HEADER_BYTES) {
            return null;
        }
        int start = in.readerIndex();
        int typeCode = in.getIntLE(start);
        long length = in.getIntLE(start + 4);
        FrameType type = FrameType.ofCode(typeCode);
        if (type == null) {
            throw reject(in, "unknown frame type " + typeCode + " (header " + hexHeader(in, start) + ")");
        }
        if (length < 0) {
            throw reject(in, "negative frame length " + length + " (header " + hexHeader(in, start) + ")");
        }
        if (length > maxFrameBytes) {
            throw reject(in, "frame length " + length + " exceeds the maximum of " + maxFrameBytes + " bytes");
        }
        ByteBuf frame = (ByteBuf) super.decode(ctx, in);
        if (frame == null) {
            return null;
        }
        try {
            if (frame.readableBytes() == Frame.HEADER_BYTES) {
                // Nearly every frame: a bare heartbeat or ack, for which no new object is needed.
                return type == FrameType.HEARTBEAT ? Frame.heartbeat()
                        : type == FrameType.HEARTBEAT_ACK ? Frame.heartbeatAck() : new Frame(type, null);
            }
            frame.skipBytes(Frame.HEADER_BYTES);
            return new Frame(type, ByteBufUtil.getBytes(frame));
        } finally {
            frame.release();
        }
    }

    @Override
    protected long getUnadjustedFrameLength(ByteBuf buf, int offset, int length, ByteOrder order) {
        // The little-endian int32 read directly: Netty's own reading wraps the buffer for the byte
        // order, an object per frame.
        long declared = buf.getIntLE(offset);
        return declared >= 0 && declared < Frame.HEADER_BYTES ? Frame.HEADER_BYTES : declared;
    }

    private ProtocolException reject(ByteBuf in, String reason) {
        rejected = true;
        in.skipBytes(in.readableBytes());
        return new ProtocolException(reason);
    }

    private static String hexHeader(ByteBuf in, int start) {
        return ByteBufUtil.hexDump(in, start, Frame.HEADER_BYTES);
    }
}
