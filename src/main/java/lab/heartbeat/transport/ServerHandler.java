package lab.heartbeat.transport;

import io.netty.channel.ChannelHandlerContext;
import java.time.Duration;
import lab.heartbeat.detect.Cause;
import lab.heartbeat.detect.MissCounter;
import lab.heartbeat.detect.Prediction;
import lab.heartbeat.detect.Predictions;
import lab.heartbeat.detect.SweepParams;
import lab.heartbeat.detect.TickSchedule;
import lab.heartbeat.protocol.Frame;
import lab.heartbeat.protocol.FrameType;

/**
 * The server end of one connection: answers every HEARTBEAT (seed 000), learns the client's name
 * from HELLO, and runs the sweep (seeds 000, 002, 003) on the server-wide phase, so a connection
 * silent for m sweeps is closed exactly as the seed servers do.
 */
final class ServerHandler extends ConnectionHandler {
    private final ServerConnection connection;
    private final SweepParams sweep;
    private final TickSchedule sweeps;
    private final MissCounter silentSweeps;
    private final Duration idleLimit;
    private boolean sweepable = true;

    ServerHandler(ServerConnection connection, ConnectionObserver observer, SweepParams sweep, TickSchedule sweeps,
            ServerSettings settings) {
        super(observer, settings.keepalive(), null, settings.kernelSampleInterval());
        this.connection = connection;
        this.sweep = sweep;
        this.sweeps = sweeps;
        this.silentSweeps = sweep == null ? null : new MissCounter(sweep.misses());
        this.idleLimit = settings.idleLimit();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        super.channelActive(ctx);
        if (sweep != null) {
            long now = now();
            long next = sweeps.firstTickAfter(now);
            every(next - now, sweeps.periodNanos(), this::sweep);
        }
    }

    private void sweep() {
        if (!sweepable) {
            return;
        }
        silentTick(silentSweeps, Cause.SERVER_SWEEP,
                () -> Predictions.serverSweep(sweeps, lastReceivedNanos, sweep.misses()),
                () -> "silent for " + sweep.misses() + " sweeps of " + sweep.interval().toMillis() + " ms");
    }

    /**
     * A peer that declared no heartbeats is not swept, but it may not stay silent forever either:
     * checked every quarter of the idle limit, it is closed after the limit and at most a quarter more.
     */
    private void watchIdleLimit() {
        long limit = idleLimit.toNanos();
        long check = Math.max(1, limit / 4);
        every(check, check, () -> {
            long now = now();
            if (now - lastReceivedNanos >= limit) {
                closeWith(Cause.LOCAL_CLOSE, "silent for " + idleLimit.toSeconds() + " s after declaring no heartbeats"
                        + " (the server's idle limit)", now, Prediction.NONE);
            }
        });
    }

    @Override
    protected void onFrame(Frame frame, long now) {
        heard(silentSweeps);
        if (frame.type() == FrameType.HEARTBEAT) {
            // A seed 002 client never reads its socket: once its buffers are full, acks are dropped
            // rather than queued without bound.
            if (ctx.channel().isWritable()) {
                send(Frame.heartbeatAck());
            }
        } else if (frame.type() == FrameType.HELLO) {
            Hello hello = Hello.parse(frame.payloadText());
            if (sweepable && !hello.sweepable()) {
                watchIdleLimit();
            }
            sweepable = hello.sweepable();
            connection.rename(hello.name(), hello.profile());
            observer.named(connection.id());
        }
    }
}
