package lab.heartbeat.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import lab.heartbeat.detect.Backoff;

/**
 * The listening socket's guard. A failed accept (out of file descriptors, say) pauses accepting for
 * a back-off that doubles while failures go on, instead of reaching Netty's tail handler, whose
 * logging loads time-zone data and so needs the very descriptor that is missing (the error then
 * ended the event loop for good). Past the connection limit, a new connection is closed at once.
 * Everything the failure path uses is made when the guard is added.
 */
final class AcceptGuard extends ChannelInboundHandlerAdapter {
    static final Backoff ACCEPT_BACKOFF = new Backoff(Duration.ofMillis(10), 2, 0, Duration.ofSeconds(1));
    private static final DoubleSupplier NO_JITTER = () -> 0.5;

    private final int limit;
    private final TransportListener listener;
    private final AtomicInteger accepted = new AtomicInteger();
    private final String refusal;
    private Runnable resume;
    private int failures;

    AcceptGuard(int limit, TransportListener listener) {
        this.limit = limit;
        this.listener = listener;
        this.refusal = "the server is at its limit of " + limit + " connections";
        // Loads what a failure needs now, while files can still be opened. Netty's own warnings
        // (NIO logs a failed accept itself) format times in the default zone, whose rules are a file.
        ACCEPT_BACKOFF.delay(1, NO_JITTER).toNanos();
        FatalErrors.isFatal(null);
        ZoneId.systemDefault().getRules();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        resume = () -> ctx.channel().config().setAutoRead(true);
    }

    /** Connections accepted and not closed yet. */
    int accepted() {
        return accepted.get();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Channel child = (Channel) msg;
        failures = 0;
        if (accepted.get() >= limit) {
            String remote = String.valueOf(child.remoteAddress());
            // The event first: a peer that sees the close must find the refusal already recorded.
            listener.connectionRefused(remote, refusal, ctx.executor().ticker().nanoTime());
            child.unsafe().closeForcibly();
            return;
        }
        accepted.incrementAndGet();
        child.closeFuture().addListener(f -> accepted.decrementAndGet());
        ctx.fireChannelRead(msg);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (FatalErrors.isFatal(cause)) {
            FatalErrors.fail(Thread.currentThread().getName(), cause);
            return;
        }
        failures++;
        Duration pause = ACCEPT_BACKOFF.delay(failures, NO_JITTER);
        ctx.channel().config().setAutoRead(false);
        ctx.executor().schedule(resume, pause.toNanos(), TimeUnit.NANOSECONDS);
        listener.acceptFailed(String.valueOf(cause.getMessage()), pause, ctx.executor().ticker().nanoTime());
    }
}
