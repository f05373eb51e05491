package lab.heartbeat.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.MockTicker;
import io.netty.util.concurrent.Ticker;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import lab.heartbeat.detect.Cause;
import lab.heartbeat.detect.Presets;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.detect.ProfileKind;
import lab.heartbeat.protocol.Frame;
import lab.heartbeat.protocol.FrameType;
import org.junit.jupiter.api.Test;

/** The client's detectors on Netty's virtual time: exact ticks, exact detection, exact prediction. */
class ClientHandlerTest {
    private static final long MS = 1_000_000L;

    private final MockTicker time = Ticker.newMockTicker();

    private EmbeddedChannel channel(Profile profile, RecordingObserver observer) {
        return EmbeddedChannel.builder().ticker(time)
                .handlers(new ClientHandler("c", profile, observer, Duration.ZERO)).build();
    }

    private void advance(EmbeddedChannel ch, long millis) {
        time.advance(millis, TimeUnit.MILLISECONDS);
        ch.runPendingTasks();
    }

    @Test
    void saysHelloThenSendsAHeartbeatEveryInterval() {
        RecordingObserver seen = new RecordingObserver();
        EmbeddedChannel ch = channel(Profile.of(ProfileKind.APP_HEARTBEAT, Presets.teaching()), seen);
        try {
            Frame hello = ch.readOutbound();
            assertThat(hello.type()).isEqualTo(FrameType.HELLO);
            assertThat(hello.payloadText()).startsWith("c\nheartbeat=500\nmode=request");
            advance(ch, 499);
            assertThat(seen.heartbeatsSent()).isZero();
            advance(ch, 1);
            assertThat(seen.heartbeatsSent()).isEqualTo(1);
            ch.writeInbound(Frame.heartbeatAck());
            advance(ch, 500);
            ch.writeInbound(Frame.heartbeatAck());
            assertThat(seen.heartbeatsSent()).isEqualTo(2);
            assertThat(seen.sentAt.subList(1, 3)).containsExactly(seen.connectedAt + 500 * MS, seen.connectedAt + 1000 * MS);
            assertThat(ch.isOpen()).isTrue();
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void aFrozenClientSendsNoDataAndSaysSo() {
        RecordingObserver seen = new RecordingObserver();
        EmbeddedChannel ch = channel(Profile.of(ProfileKind.APP_HEARTBEAT, Presets.teaching()), seen);
        try {
            ClientHandler handler = ch.pipeline().get(ClientHandler.class);
            assertThat(handler.sendData(new byte[] {1})).isTrue();
            ConnectionCommands.freeze(ch, true);
            ch.runPendingTasks();
            assertThat(handler.sendData(new byte[] {2})).as("a hung application sends nothing").isFalse();
            assertThat(seen.sent).filteredOn(t -> t == FrameType.DATA).hasSize(1);
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void theThirdSilentTickAfterTheLastFrameClosesWithAppHeartbeatExactlyAsPredicted() {
        RecordingObserver seen = new RecordingObserver();
        EmbeddedChannel ch = channel(Profile.of(ProfileKind.APP_HEARTBEAT, Presets.teaching()), seen);
        try {
            advance(ch, 500);
            advance(ch, 250);
            ch.writeInbound(Frame.heartbeatAck());
            long lastFrame = seen.connectedAt + 750 * MS;
            advance(ch, 250 + 500 + 500 - 1);
            assertThat(ch.isOpen()).as("two misses are not yet death").isTrue();
            assertThat(seen.misses).containsExactly(1, 0, 1, 2);
            advance(ch, 1);

            assertThat(ch.isOpen()).isFalse();
            assertThat(seen.closure.cause()).isEqualTo(Cause.APP_HEARTBEAT);
            assertThat(seen.closure.lastReceivedNanos()).isEqualTo(lastFrame);
            assertThat(seen.closure.atNanos()).isEqualTo(seen.connectedAt + 2000 * MS);
            assertThat(seen.closure.predictedAtNanos()).isEqualTo(seen.closure.atNanos());
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void aBeaconClientNeverJudgesTheServer() {
        RecordingObserver seen = new RecordingObserver();
        EmbeddedChannel ch = channel(Profile.of(ProfileKind.BEACON, Presets.teaching()), seen);
        try {
            advance(ch, 60_000);
            assertThat(ch.isOpen()).isTrue();
            assertThat(seen.heartbeatsSent()).isEqualTo(120);
            assertThat(seen.misses).isEmpty();
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void phiAccrualDetectsAtThePredictedCrossingAfterTheAcksStop() {
        RecordingObserver seen = new RecordingObserver();
        Profile phi = Profile.of(ProfileKind.PHI_ACCRUAL, Presets.teaching());
        EmbeddedChannel ch = channel(phi, seen);
        try {
            for (int i = 0; i < 10; i++) {
                advance(ch, 500);
                advance(ch, 5);
                ch.writeInbound(Frame.heartbeatAck());
            }
            assertThat(seen.rtts).hasSize(10).allSatisfy(rtt -> assertThat(rtt).isEqualTo(5 * MS));
            for (int i = 0; i < 40 && ch.isOpen(); i++) {
                advance(ch, 100);
            }
            assertThat(seen.closure.cause()).isEqualTo(Cause.PHI_ACCRUAL);
            long late = seen.closure.atNanos() - seen.closure.predictedAtNanos();
            assertThat(late).as("detected no earlier than predicted, within one step of virtual time")
                    .isBetween(0L, 100 * MS);
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void phiAccrualReportsAnEstimatePerAckFromWhichPhiReachesItsThresholdAtTheDetection() {
        RecordingObserver seen = new RecordingObserver();
        Profile phi = Profile.of(ProfileKind.PHI_ACCRUAL, Presets.teaching());
        EmbeddedChannel ch = channel(phi, seen);
        try {
            for (int i = 0; i < 10; i++) {
                advance(ch, 505);
                ch.writeInbound(Frame.heartbeatAck());
            }
            assertThat(seen.phis).hasSize(10);
            lab.heartbeat.detect.PhiEstimate last = seen.phis.get(9);
            assertThat(last.lastHeartbeatNanos()).isEqualTo(time.nanoTime());
            assertThat(last.threshold()).isEqualTo(phi.phi().threshold());
            for (int i = 0; i < 40 && ch.isOpen(); i++) {
                advance(ch, 100);
            }
            assertThat(last.phi(seen.closure.atNanos())).isGreaterThanOrEqualTo(last.threshold());
            assertThat(last.phi(seen.closure.atNanos() - 100 * MS)).isLessThan(last.threshold());
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void phiAccrualStillDetectsAPeerThatDiedWhileThisEndWasFrozen() {
        RecordingObserver seen = new RecordingObserver();
        EmbeddedChannel ch = channel(Profile.of(ProfileKind.PHI_ACCRUAL, Presets.teaching()), seen);
        try {
            for (int i = 0; i < 10; i++) {
                advance(ch, 500);
                advance(ch, 5);
                ch.writeInbound(Frame.heartbeatAck());
            }
            ClientHandler handler = ch.pipeline().get(ClientHandler.class);
            handler.setFrozen(true);
            advance(ch, 3000); // past the crossing: the check due then finds this end frozen
            assertThat(ch.isOpen()).isTrue();
            handler.setFrozen(false);
            advance(ch, 100);

            assertThat(ch.isOpen()).isFalse();
            assertThat(seen.closure.cause()).isEqualTo(Cause.PHI_ACCRUAL);
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void aWriteTheChannelCannotMakeClosesTheConnectionWithItsReason() {
        RecordingObserver seen = new RecordingObserver();
        EmbeddedChannel ch = EmbeddedChannel.builder().ticker(time).handlers(
                new io.netty.channel.ChannelOutboundHandlerAdapter() {
                    @Override
                    public void write(io.netty.channel.ChannelHandlerContext ctx, Object msg,
                            io.netty.channel.ChannelPromise promise) {
                        io.netty.util.ReferenceCountUtil.release(msg);
                        promise.setFailure(new java.io.IOException("Broken pipe"));
                    }
                },
                new ClientHandler("c", Profile.of(ProfileKind.APP_HEARTBEAT, Presets.teaching()), seen, Duration.ZERO))
                .build();
        try {
            ch.runPendingTasks();
            assertThat(ch.isOpen()).isFalse();
            assertThat(seen.closure.reason()).contains("Broken pipe");
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void overriddenParametersAreWhatTheWireSees() {
        RecordingObserver seen = new RecordingObserver();
        Profile fast = Profile.of(ProfileKind.APP_HEARTBEAT, Presets.teaching())
                .withOverrides(Map.of("heartbeatInterval", "200ms", "heartbeatMisses", "2"));
        EmbeddedChannel ch = channel(fast, seen);
        try {
            advance(ch, 399);
            assertThat(ch.isOpen()).isTrue();
            advance(ch, 1);
            assertThat(ch.isOpen()).isFalse();
            assertThat(seen.closure.cause()).isEqualTo(Cause.APP_HEARTBEAT);
        } finally {
            ch.finishAndReleaseAll();
        }
    }
}
