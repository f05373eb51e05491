package lab.heartbeat.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The wire format as the seed programs write it: C structs in little-endian host order,
 * {@code {int32 type; int32 len;}} then the payload.
 */
class FrameCodecTest {

    @Test
    void seed000HeartbeatRequestDecodesAsHeartbeat() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder());
        try {
            assertThat(ch.writeInbound(header(0, 8))).isTrue();
            Frame frame = ch.readInbound();
            assertFrame(frame, FrameType.HEARTBEAT, "");
            assertThat(frame).as("a bare heartbeat makes no new frame").isSameAs(Frame.heartbeat());
            assertThat((Object) ch.readInbound()).isNull();
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void seed002BeaconWithZeroLengthDecodesAsBareHeartbeat() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder());
        try {
            // Seed 002 puts the payload length (0) in len; only 8 bytes follow, never a payload.
            assertThat(ch.writeInbound(header(0, 0))).isTrue();
            assertFrame(ch.readInbound(), FrameType.HEARTBEAT, "");
            assertThat((Object) ch.readInbound()).isNull();
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void lengthsBelowTheHeaderSizeAllMeanABareHeader() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder());
        try {
            for (int len = 0; len < Frame.HEADER_BYTES; len++) {
                ch.writeInbound(header(0, len));
            }
            for (int len = 0; len < Frame.HEADER_BYTES; len++) {
                assertFrame(ch.readInbound(), FrameType.HEARTBEAT, "");
            }
            assertThat((Object) ch.readInbound()).isNull();
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void seed000HeartbeatResponseDecodesAsAck() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder());
        try {
            ch.writeInbound(header(1, 8));
            assertFrame(ch.readInbound(), FrameType.HEARTBEAT_ACK, "");
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void dataFrameCarriesItsPayload() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder());
        try {
            ch.writeInbound(wire("02000000 0d000000 68656c6c6f"));
            assertFrame(ch.readInbound(), FrameType.DATA, "hello");
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void helloCarriesAUtf8ClientName() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder());
        try {
            // "Zoë" is 4 bytes in UTF-8: a decoder counting chars instead of bytes would cut it.
            ch.writeInbound(wire("03000000 0c000000 5a6fc3ab"));
            assertFrame(ch.readInbound(), FrameType.HELLO, "Zoë");
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void frameSplitIntoSingleBytesArrivesWhole() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder());
        try {
            ByteBuf whole = wire("03000000 0c000000 5a6fc3ab");
            try {
                // TCP may deliver a frame in any number of pieces; only the last one completes it.
                for (int i = 0; i < whole.readableBytes() - 1; i++) {
                    assertThat(ch.writeInbound(whole.retainedSlice(i, 1))).isFalse();
                }
                assertThat(ch.writeInbound(whole.retainedSlice(whole.readableBytes() - 1, 1))).isTrue();
            } finally {
                whole.release();
            }
            assertFrame(ch.readInbound(), FrameType.HELLO, "Zoë");
            assertThat((Object) ch.readInbound()).isNull();
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void severalFramesInOneBufferComeOutInOrder() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder());
        try {
            ch.writeInbound(wire("00000000 08000000" + "02000000 0a000000 6869" + "01000000 08000000"
                    + "00000000 00000000"));
            assertFrame(ch.readInbound(), FrameType.HEARTBEAT, "");
            assertFrame(ch.readInbound(), FrameType.DATA, "hi");
            assertFrame(ch.readInbound(), FrameType.HEARTBEAT_ACK, "");
            assertFrame(ch.readInbound(), FrameType.HEARTBEAT, "");
            assertThat((Object) ch.readInbound()).isNull();
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void encoderWritesExactlyTheSeedStructs() {
        assertThat(encode(Frame.heartbeat())).isEqualTo("0000000008000000");
        assertThat(encode(Frame.heartbeatAck())).isEqualTo("0100000008000000");
        assertThat(encode(Frame.data(new byte[] {(byte) 0xca, (byte) 0xfe}))).isEqualTo("020000000a000000cafe");
        assertThat(encode(Frame.hello("Zoë"))).isEqualTo("030000000c0000005a6fc3ab");
    }

    @Test
    void everyFrameSurvivesARoundTrip() {
        EmbeddedChannel ch = new EmbeddedChannel(FrameEncoder.INSTANCE, new FrameDecoder());
        try {
            Frame[] sent = {Frame.heartbeat(), Frame.heartbeatAck(), Frame.data(new byte[300]), Frame.hello("Zoë\nheartbeat=1000")};
            for (Frame frame : sent) {
                ch.writeOutbound(frame);
                ByteBuf bytes = ch.readOutbound();
                ch.writeInbound(bytes);
                Frame back = ch.readInbound();
                assertThat(back.type()).isEqualTo(frame.type());
                assertThat(back.payload()).isEqualTo(frame.payload());
            }
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void negativeLengthIsRejectedNamingTheLength() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder());
        try {
            assertProtocolError(() -> ch.writeInbound(header(0, -5)), "negative frame length -5");
        } finally {
            closeAfterProtocolError(ch);
        }
    }

    @Test
    void unknownTypeIsRejectedNamingTheType() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder());
        try {
            assertProtocolError(() -> ch.writeInbound(header(7, 8)), "unknown frame type 7");
        } finally {
            closeAfterProtocolError(ch);
        }
    }

    @Test
    void oversizedFrameIsRejectedFromItsHeaderAlone() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(1024));
        try {
            // Only the header is sent: a peer announcing 2000 bytes must not make us wait or buffer.
            assertProtocolError(() -> ch.writeInbound(header(2, 2000)), "2000", "1024");
        } finally {
            closeAfterProtocolError(ch);
        }
    }

    @Test
    void frameExactlyAtTheMaximumIsAccepted() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(1024));
        try {
            ch.writeInbound(Unpooled.buffer().writeIntLE(2).writeIntLE(1024).writeZero(1024 - Frame.HEADER_BYTES));
            Frame frame = ch.readInbound();
            assertThat(frame.type()).isEqualTo(FrameType.DATA);
            assertThat(frame.wireLength()).isEqualTo(1024);
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void defaultMaximumIs64KiB() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder());
        try {
            assertProtocolError(() -> ch.writeInbound(header(2, 64 * 1024 + 1)), "65537", "65536");
        } finally {
            closeAfterProtocolError(ch);
        }
    }

    @Test
    void protocolErrorIsReportedOnceNotAgainWhenTheConnectionCloses() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder());
        try {
            assertProtocolError(() -> ch.writeInbound(header(7, 8)), "unknown frame type 7");
            // The event log must show one protocol-error per bad connection, not a second one on close.
            assertThat(ch.finish()).isFalse();
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    /**
     * Closes without decoding the rejected bytes a second time: removing the decoder hands its
     * leftover bytes downstream, where {@code finishAndReleaseAll} releases them.
     */
    private static void closeAfterProtocolError(EmbeddedChannel ch) {
        ch.pipeline().remove(FrameDecoder.class);
        ch.finishAndReleaseAll();
    }

    private static void assertProtocolError(ThrowingCallable write, String... reasonParts) {
        // ProtocolException is itself a DecoderException; Netty wraps other causes, so accept both shapes.
        assertThatThrownBy(write)
                .isInstanceOf(DecoderException.class)
                .satisfies(e -> {
                    Throwable reason = e instanceof ProtocolException ? e : e.getCause();
                    assertThat(reason).isInstanceOf(ProtocolException.class);
                    assertThat(reason.getMessage()).contains(reasonParts);
                });
    }

    private static void assertFrame(Object decoded, FrameType type, String payload) {
        assertThat(decoded).isInstanceOf(Frame.class);
        Frame frame = (Frame) decoded;
        assertThat(frame.type()).isEqualTo(type);
        assertThat(frame.payloadText()).isEqualTo(payload);
    }

    private static String encode(Frame frame) {
        EmbeddedChannel ch = new EmbeddedChannel(FrameEncoder.INSTANCE);
        try {
            ch.writeOutbound(frame);
            ByteBuf out = ch.readOutbound();
            try {
                return ByteBufUtil.hexDump(out);
            } finally {
                out.release();
            }
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    private static ByteBuf header(int type, int len) {
        return Unpooled.buffer(Frame.HEADER_BYTES).writeIntLE(type).writeIntLE(len);
    }

    private static ByteBuf wire(String hex) {
        return Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(hex.replace(" ", "")));
    }

}
