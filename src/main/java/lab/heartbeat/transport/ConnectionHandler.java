package lab.heartbeat.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import lab.heartbeat.detect.Cause;
import lab.heartbeat.detect.MissCounter;
import lab.heartbeat.detect.KeepaliveParams;
import lab.heartbeat.detect.Prediction;
import lab.heartbeat.detect.Predictions;
import lab.heartbeat.detect.Retransmission;
import lab.heartbeat.detect.TimerWheel;
import lab.heartbeat.protocol.Frame;

/**
 * What both ends of a connection share: counting frames, remembering the last activity, sampling
 * the kernel's TCP state, and closing with a cause (and a prediction for detections). All state is
 * confined to the channel's event loop.
 */
abstract class ConnectionHandler extends SimpleChannelInboundHandler<Frame> {
    private static final TimerWheel WHEEL = TimerWheel.running();

    protected final ConnectionObserver observer;
    private final KeepaliveParams keepalive;
    private final Duration userTimeout;
    private final Duration kernelSampleInterval;
    private final SendLog sends = new SendLog(64);
    private final List<ScheduledFuture<?>> timers = new ArrayList<>();

    protected ChannelHandlerContext ctx;
    protected long activeNanos = -1;
    protected long lastReceivedNanos = -1;
    private KernelTcpInfo lastKernel;
    private long lastKernelNanos;
    /** The retransmission timeout before any backoff, and the smoothed RTT then, from the kernel. */
    private long baseRtoNanos = -1;
    private long baseRttNanos;
    private Closure closure;
    private boolean frozen;

    ConnectionHandler(ConnectionObserver observer, KeepaliveParams keepalive, Duration userTimeout,
            Duration kernelSampleInterval) {
        this.observer = observer;
        this.keepalive = keepalive;
        this.userTimeout = userTimeout;
        this.kernelSampleInterval = kernelSampleInterval;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    protected final long now() {
        return ctx.executor().ticker().nanoTime();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        activeNanos = now();
        lastReceivedNanos = activeNanos;
        observer.connected(activeNanos);
        if (kernelSampleInterval != null && !kernelSampleInterval.isZero()) {
            every(kernelSampleInterval.toNanos(), kernelSampleInterval.toNanos(), this::sampleKernel);
        }
        super.channelActive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Frame frame) {
        long now = now();
        lastReceivedNanos = now;
        observer.frameReceived(frame.type(), frame.wireLength(), now);
        onFrame(frame, now);
    }

    protected abstract void onFrame(Frame frame, long now);

    protected final void send(Frame frame) {
        if (closure != null || frozen) {
            return;
        }
        long now = now();
        sends.record(now);
        observer.frameSent(frame.type(), frame.wireLength(), now);
        // No promise per frame: the void promise hands a failed write to exceptionCaught as well.
        ctx.writeAndFlush(frame, ctx.voidPromise());
    }

    /**
     * Schedules a repeating task on this connection's event loop, cancelled when it closes. A frozen
     * application does nothing, so the task is skipped while frozen.
     */
    protected final void every(long initialDelayNanos, long periodNanos, Runnable task) {
        Runnable unlessFrozen = () -> {
            if (!frozen) {
                task.run();
            }
        };
        timers.add(ctx.executor().scheduleAtFixedRate(unlessFrozen, initialDelayNanos, periodNanos,
                TimeUnit.NANOSECONDS));
    }

    /**
     * Freezes or thaws this end, as a hung application: it stops reading, answering, sending and
     * judging, while the kernel still acknowledges whatever arrives. Call on the event loop.
     */
    final void setFrozen(boolean value) {
        boolean thawed = frozen && !value;
        frozen = value;
        ctx.channel().config().setAutoRead(!value);
        if (thawed) {
            onThawed();
        }
    }

    /** Called on the event loop when a frozen end runs again: one-shot checks skipped meanwhile resume here. */
    protected void onThawed() {
    }

    /**
     * One tick of a silence counter (the client's heartbeat misses, the server's silent sweeps):
     * the misses go to the observer, and when they run out the connection closes with
     * {@code cause}, at {@code predicted} by theory. Returns whether it closed.
     */
    protected final boolean silentTick(MissCounter silence, Cause cause, java.util.function.LongSupplier predicted,
            java.util.function.Supplier<String> reason) {
        long now = now();
        boolean dead = silence.tick();
        observer.missesChanged(silence.misses());
        if (dead) {
            closeWith(cause, reason.get(), now, Prediction.point(predicted.getAsLong()));
        }
        return dead;
    }

    /** A frame arrived: the silence counter starts again, and the observer hears of it if it had misses. */
    protected final void heard(MissCounter silence) {
        if (silence == null) {
            return;
        }
        boolean hadMisses = silence.misses() > 0;
        silence.reset();
        if (hadMisses) {
            observer.missesChanged(0);
        }
    }

    protected final boolean frozen() {
        return frozen;
    }

    private void sampleKernel() {
        KernelTcpInfo.read(ctx.channel()).ifPresent(info -> {
            lastKernel = info;
            lastKernelNanos = now();
            if (info.retransmits() == 0) {
                baseRtoNanos = TimeUnit.MICROSECONDS.toNanos(info.rtoMicros());
                baseRttNanos = TimeUnit.MICROSECONDS.toNanos(info.rttMicros());
            }
            observer.kernelSampled(info);
        });
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // The moment of detection is now, before any work (a first call may load classes for a while).
        long now = now();
        if (FatalErrors.isFatal(cause)) {
            FatalErrors.fail(Thread.currentThread().getName(), cause);
        }
        if (closure != null) {
            return;
        }
        boolean inFlight = dataInFlight();
        // The kernel still knows when it last heard from the peer, even after it gave up; the
        // write queue is purged by then, so whether data was in flight comes from the last sample.
        KernelTcpInfo.read(ctx.channel()).ifPresent(fresh -> {
            lastKernel = fresh;
            lastKernelNanos = now;
        });
        Cause kind = TimeoutClassifier.classify(cause, keepalive, userTimeout, inFlight);
        closeWith(kind, ErrorText.of(cause, "the peer"), now, predictKernelTimeout(kind, inFlight));
    }

    /** Closes the connection with this cause, once; the observer hears of it when the channel is inactive. */
    protected final void closeWith(Cause cause, String reason, long now, Prediction predicted) {
        if (closure != null) {
            return;
        }
        // exceptionCaught has just read it afresh; otherwise read it now.
        KernelTcpInfo kernel = lastKernel != null && lastKernelNanos == now ? lastKernel
                : KernelTcpInfo.read(ctx.channel()).orElse(lastKernel);
        closure = new Closure(cause, reason, now, lastReceivedNanos, predicted, kernel);
        cancelTimers();
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancelTimers();
        if (closure == null) {
            closure = new Closure(Cause.PEER_CLOSED, "the peer closed the connection", now(), lastReceivedNanos, Prediction.NONE,
                    lastKernel);
        }
        observer.closed(closure);
        super.channelInactive(ctx);
    }

    private void cancelTimers() {
        timers.forEach(t -> t.cancel(false));
        timers.clear();
        onTimersCancelled();
    }

    /** Subclasses cancel their one-shot timers here. */
    protected void onTimersCancelled() {
    }

    private boolean dataInFlight() {
        if (lastKernel != null) {
            return lastKernel.dataInFlight();
        }
        return sends.last() > lastReceivedNanos;
    }

    private Prediction predictKernelTimeout(Cause cause, boolean inFlight) {
        long lastHeard = lastHeardNanos();
        return switch (cause) {
            case OS_KEEPALIVE -> Predictions.osKeepalive(keepalive, lastHeard, inFlight, WHEEL);
            case USER_TIMEOUT -> Predictions.userTimeout(userTimeout, inFlight ? firstRetransmission() : null,
                    lastHeard, keepalive, WHEEL);
            default -> Prediction.NONE;
        };
    }

    /** The last time the kernel heard from the peer, a bare ACK included, when it says so. */
    private long lastHeardNanos() {
        if (lastKernel == null) {
            return lastReceivedNanos;
        }
        return Predictions.kernelLastHeard(lastReceivedNanos, lastKernelNanos, lastKernel.lastDataRecvMsAgo(),
                lastKernel.lastAckRecvMsAgo());
    }

    /**
     * When the kernel first retransmitted the oldest unacknowledged send on its retransmission
     * timer, after a tail loss probe: Linux counts the user timeout from there (retrans_stamp), not
     * from the send.
     */
    private Retransmission firstRetransmission() {
        // The kernel reports the last ACK in whole jiffies: a send less than one jiffy before the moment
        // it gives may be the one that ACK acknowledged (loopback answers within microseconds).
        long ackedUpTo = lastKernel == null ? lastReceivedNanos : lastHeardNanos() + WHEEL.nanos(1);
        long oldest = sends.firstAfter(ackedUpTo);
        if (oldest < 0) {
            return null;
        }
        if (baseRtoNanos < 0) {
            return new Retransmission(oldest, 0, 0);
        }
        return Retransmission.afterLossProbe(oldest, baseRttNanos, baseRtoNanos, WHEEL);
    }
}
