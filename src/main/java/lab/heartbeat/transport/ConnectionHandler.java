package lab.heartbeat.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import lab.heartbeat.detect.Cause;
import lab.heartbeat.detect.KeepaliveParams;
import lab.heartbeat.detect.Predictions;
import lab.heartbeat.protocol.Frame;

/**
 * What both ends of a connection share: counting frames, remembering the last activity, sampling
 * the kernel's TCP state, and closing with a cause (and a prediction for detections). All state is
 * confined to the channel's event loop.
 */
abstract class ConnectionHandler extends SimpleChannelInboundHandler<Frame> {

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
    private Closure closure;

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
        if (closure != null) {
            return;
        }
        long now = now();
        sends.record(now);
        observer.frameSent(frame.type(), frame.wireLength(), now);
        ctx.writeAndFlush(frame).addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
    }

    /** Schedules a repeating task on this connection's event loop, cancelled when it closes. */
    protected final void every(long initialDelayNanos, long periodNanos, Runnable task) {
        timers.add(ctx.executor().scheduleAtFixedRate(task, initialDelayNanos, periodNanos, TimeUnit.NANOSECONDS));
    }

    private void sampleKernel() {
        KernelTcpInfo.read(ctx.channel()).ifPresent(info -> {
            lastKernel = info;
            lastKernelNanos = now();
            observer.kernelSampled(info);
        });
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (closure != null) {
            return;
        }
        boolean inFlight = dataInFlight();
        Cause kind = TimeoutClassifier.classify(cause, keepalive, userTimeout, inFlight);
        long now = now();
        closeWith(kind, describe(cause), now, predictKernelTimeout(kind, inFlight));
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        if (cause.getCause() != null && cause.getCause().getMessage() != null) {
            message = cause.getCause().getMessage();
        }
        return message == null ? cause.getClass().getSimpleName() : message;
    }

    /** Closes the connection with this cause, once; the observer hears of it when the channel is inactive. */
    protected final void closeWith(Cause cause, String reason, long now, long predictedAtNanos) {
        if (closure != null) {
            return;
        }
        KernelTcpInfo kernel = KernelTcpInfo.read(ctx.channel()).orElse(lastKernel);
        closure = new Closure(cause, reason, now, lastReceivedNanos, predictedAtNanos, kernel);
        cancelTimers();
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancelTimers();
        if (closure == null) {
            closure = new Closure(Cause.PEER_CLOSED, "the peer closed the connection", now(), lastReceivedNanos, -1,
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

    private long predictKernelTimeout(Cause cause, boolean inFlight) {
        long lastHeard = lastHeardNanos();
        OptionalLong predicted = switch (cause) {
            case OS_KEEPALIVE -> Predictions.osKeepalive(keepalive, lastHeard, inFlight);
            case USER_TIMEOUT -> Predictions.userTimeout(userTimeout, inFlight ? oldestUnackedSend() : -1, lastHeard,
                    keepalive);
            default -> OptionalLong.empty();
        };
        return predicted.orElse(-1);
    }

    /** The last time anything arrived from the peer, a bare ACK included when the kernel says so. */
    private long lastHeardNanos() {
        if (lastKernel == null) {
            return lastReceivedNanos;
        }
        long ackAt = lastKernelNanos - TimeUnit.MILLISECONDS.toNanos(lastKernel.lastAckRecvMsAgo());
        return Math.max(lastReceivedNanos, ackAt);
    }

    private long oldestUnackedSend() {
        long ackedUpTo = lastKernel == null ? lastReceivedNanos : lastHeardNanos();
        return sends.firstAfter(ackedUpTo);
    }

    /** Closes a channel from any thread, recording the cause on its handler. */
    static void close(Channel channel, Cause cause, String reason) {
        channel.eventLoop().execute(() -> {
            ConnectionHandler handler = channel.pipeline().get(ConnectionHandler.class);
            if (handler != null && handler.ctx != null) {
                handler.closeWith(cause, reason, handler.now(), -1);
            } else {
                channel.close();
            }
        });
    }
}
