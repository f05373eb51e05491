package lab.heartbeat.transport;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * A thread factory that remembers its threads, so that an owner can wait until every one has
 * really ended: an executor reports termination a moment before its threads exit.
 */
public final class TrackedThreads implements ThreadFactory {
    private final ThreadFactory delegate;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    public TrackedThreads(String prefix) {
        this.delegate = new DefaultThreadFactory(prefix, true);
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread t = delegate.newThread(task);
        threads.add(t);
        return t;
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
