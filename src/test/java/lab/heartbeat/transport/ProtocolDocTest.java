package lab.heartbeat.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import lab.heartbeat.protocol.Frame;
import lab.heartbeat.protocol.FrameEncoder;
import org.junit.jupiter.api.Test;

/** docs/PROTOCOL.md's HELLO examples are the bytes our client sends, padding included. */
class ProtocolDocTest {

    @Test
    void theHelloExamplesAreWhatTheClientSends() throws Exception {
        String doc = Files.readString(Path.of("docs/PROTOCOL.md"));

        assertThat(doc).contains("| `HELLO` with payload `Zoë`         | `" + sent("Zoë") + "` |");
        assertThat(doc).contains("| `HELLO` with `Zoë\\nheartbeat=5000` | `" + sent("Zoë\nheartbeat=5000") + "` |");
    }

    private static String sent(String text) {
        EmbeddedChannel ch = new EmbeddedChannel(FrameEncoder.INSTANCE);
        try {
            ch.writeOutbound(Frame.hello(ClientHandler.padToWholeHeaders(text)));
            ByteBuf out = ch.readOutbound();
            try {
                assertThat(out.readableBytes() % Frame.HEADER_BYTES).isZero();
                return ByteBufUtil.hexDump(out).replaceAll("(..)(?!$)", "$1 ");
            } finally {
                out.release();
            }
        } finally {
            ch.finishAndReleaseAll();
        }
    }
}
