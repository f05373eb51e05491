package lab.heartbeat.transport;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * A thread factory that remembers its threads, so that an owner can wait until every one has
 * really ended: an executor reports termination a moment before its threads exit. Threads of an
 * event loop group must end only when the owner shuts it down ({@link #ending()}): one that ends
 * before (Netty ends a loop on an error it cannot handle) fails the process.
 */
public final class TrackedThreads implements ThreadFactory {
    private final ThreadFactory delegate;
    private final boolean eventLoops;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private volatile boolean ending;

    public TrackedThreads(String prefix) {
        this(prefix, false);
    }

    private TrackedThreads(String prefix, boolean eventLoops) {
        this.delegate = new DefaultThreadFactory(prefix, true);
        this.eventLoops = eventLoops;
    }

    /** Threads of an event loop group: one that ends before {@link #ending()} fails the process. */
    public static TrackedThreads forEventLoops(String prefix) {
        return new TrackedThreads(prefix, true);
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread t = delegate.newThread(eventLoops ? () -> runUntilShutdown(task) : task);
        threads.add(t);
        return t;
    }

    private void runUntilShutdown(Runnable loop) {
        try {
            loop.run();
        } catch (Throwable e) {
            FatalErrors.fail(Thread.currentThread().getName(), e);
            return;
        }
        if (!ending) {
            FatalErrors.fail(Thread.currentThread().getName(), new IllegalStateException(
                    "the event loop ended before its group was shut down (its error is logged above)"));
        }
    }

    /** The owner is shutting the threads down: their end from now on is expected. */
    public void ending() {
        ending = true;
    }

    /** Waits for every thread made so far to end; false when one is still alive after the timeout. */
    public boolean joinAll(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        for (Thread t : threads) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                TimeUnit.NANOSECONDS.timedJoin(t, left);
            }
            if (t.isAlive()) {
                return false;
            }
        }
        return true;
    }
}
