package lab.heartbeat.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.MockTicker;
import io.netty.util.concurrent.Ticker;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import lab.heartbeat.detect.Cause;
import lab.heartbeat.detect.Side;
import lab.heartbeat.detect.SweepParams;
import lab.heartbeat.detect.TickSchedule;
import lab.heartbeat.protocol.Frame;
import lab.heartbeat.protocol.FrameType;
import org.junit.jupiter.api.Test;

/** The server's answers and its sweep on virtual time, with the seed programs' semantics. */
class ServerHandlerTest {
    private static final long MS = 1_000_000L;
    private static final SweepParams SWEEP = new SweepParams(Duration.ofSeconds(1), 3);

    private final MockTicker time = Ticker.newMockTicker();

    private EmbeddedChannel channel(RecordingObserver observer, long sweepPhaseOffsetMs) {
        return channel(observer, sweepPhaseOffsetMs, ServerSettings.defaults().withSweep(SWEEP));
    }

    private EmbeddedChannel channel(RecordingObserver observer, long sweepPhaseOffsetMs, ServerSettings settings) {
        long now = time.nanoTime();
        TickSchedule sweeps = new TickSchedule(now - sweepPhaseOffsetMs * MS, SWEEP.interval().toNanos());
        ServerConnection[] connection = new ServerConnection[1];
        EmbeddedChannel ch = EmbeddedChannel.builder().ticker(time).register(false).build();
        connection[0] = new ServerConnection(ch, new ConnectionId(Side.SERVER, "peer@x", 1), "x:1", now);
        ch.pipeline().addLast(new ServerHandler(connection[0], observer, SWEEP, sweeps, settings));
        try {
            ch.register();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return ch;
    }

    private void advance(EmbeddedChannel ch, long millis) {
        time.advance(millis, TimeUnit.MILLISECONDS);
        ch.runPendingTasks();
    }

    @Test
    void answersEveryHeartbeatWithAnAck() {
        RecordingObserver seen = new RecordingObserver();
        EmbeddedChannel ch = channel(seen, 0);
        try {
            ch.writeInbound(Frame.heartbeat());
            ch.writeInbound(Frame.heartbeat());
            assertThat((Frame) ch.readOutbound()).extracting(Frame::type).isEqualTo(FrameType.HEARTBEAT_ACK);
            assertThat((Frame) ch.readOutbound()).extracting(Frame::type).isEqualTo(FrameType.HEARTBEAT_ACK);
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void aPeerSilentForThreeSweepsIsClosedOnTheServerWidePhase() {
        RecordingObserver seen = new RecordingObserver();
        EmbeddedChannel ch = channel(seen, 400);
        try {
            advance(ch, 700);
            ch.writeInbound(Frame.heartbeat());
            long lastFrame = seen.connectedAt + 700 * MS;
            advance(ch, 2899);
            assertThat(ch.isOpen()).isTrue();
            advance(ch, 1);
            assertThat(ch.isOpen()).isFalse();
            assertThat(seen.closure.cause()).isEqualTo(Cause.SERVER_SWEEP);
            assertThat(seen.closure.lastReceivedNanos()).isEqualTo(lastFrame);
            assertThat(seen.closure.atNanos()).as("third sweep after the last frame: phase -400 ms + 4 s")
                    .isEqualTo(seen.connectedAt + 3600 * MS);
            assertThat(seen.closure.predictedAtNanos()).isEqualTo(seen.closure.atNanos());
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void aClientThatPromisesNoHeartbeatsIsNeverSwept() {
        RecordingObserver seen = new RecordingObserver();
        EmbeddedChannel ch = channel(seen, 0);
        try {
            ch.writeInbound(Frame.hello("ka-1\nheartbeat=0\nmode=none\nprofile=os-keepalive/teaching"));
            advance(ch, 60_000);
            assertThat(ch.isOpen()).isTrue();
            assertThat(seen.names).extracting(ConnectionId::client).containsExactly("ka-1");
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void aPeerThatDeclaredNoHeartbeatsIsClosedOnceSilentForTheIdleLimit() {
        RecordingObserver seen = new RecordingObserver();
        EmbeddedChannel ch = channel(seen, 0, ServerSettings.defaults().withSweep(SWEEP)
                .withIdleLimit(Duration.ofSeconds(40)));
        try {
            ch.writeInbound(Frame.hello("ka-1\nheartbeat=0\nmode=none"));
            advance(ch, 30_000);
            ch.writeInbound(Frame.data(new byte[] {1}));
            advance(ch, 39_000);
            assertThat(ch.isOpen()).as("a frame 39 s ago: within the limit").isTrue();
            advance(ch, 11_000);
            assertThat(ch.isOpen()).as("silent for 40 s, checked every 10 s").isFalse();
            assertThat(seen.closure.cause()).isEqualTo(Cause.LOCAL_CLOSE);
            assertThat(seen.closure.reason()).contains("idle limit");
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void aHelloOfEmptyLinesIsIgnoredAndTheNameIsTheFirstLineWithText() {
        RecordingObserver seen = new RecordingObserver();
        EmbeddedChannel ch = channel(seen, 0);
        try {
            ch.writeInbound(Frame.hello("\n"));
            ch.writeInbound(Frame.hello("\n\nZo\u00eb\n\nheartbeat=0\n"));
            assertThat(ch.isOpen()).isTrue();
            assertThat(seen.closure).isNull();
            assertThat(seen.names).extracting(ConnectionId::client).containsExactly("unnamed", "Zo\u00eb");
            advance(ch, 60_000);
            assertThat(ch.isOpen()).as("heartbeat=0 after the empty lines was read: not swept").isTrue();
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void aFailureThatIsNotTheSocketsIsAnInternalErrorNotThePeerClosing() {
        RecordingObserver seen = new RecordingObserver();
        EmbeddedChannel ch = channel(seen, 0);
        try {
            ch.pipeline().fireExceptionCaught(new IllegalStateException("a bug"));
            assertThat(ch.isOpen()).isFalse();
            assertThat(seen.closure.cause()).isEqualTo(Cause.INTERNAL_ERROR);
            assertThat(seen.closure.reason()).isEqualTo("a bug");
        } finally {
            ch.finishAndReleaseAll();
        }
    }
}
