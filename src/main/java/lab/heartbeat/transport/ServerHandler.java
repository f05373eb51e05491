package lab.heartbeat.transport;

import io.netty.channel.ChannelHandlerContext;
import lab.heartbeat.detect.Cause;
import lab.heartbeat.detect.MissCounter;
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
    private boolean sweepable = true;

    ServerHandler(ServerConnection connection, ConnectionObserver observer, SweepParams sweep, TickSchedule sweeps,
            ServerSettings settings) {
        super(observer, settings.keepalive(), null, settings.kernelSampleInterval());
        this.connection = connection;
        this.sweep = sweep;
        this.sweeps = sweeps;
        this.silentSweeps = sweep == null ? null : new MissCounter(sweep.misses());
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
            sweepable = hello.sweepable();
            connection.rename(hello.name(), hello.profile());
            observer.named(connection.id());
        }
    }
}
