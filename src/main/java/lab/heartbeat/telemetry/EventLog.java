package lab.heartbeat.telemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The lab's typed event log. Appending never blocks an event loop: events are kept in a bounded
 * window for readers (the dashboard) and handed, in order, to subscribers (the JSON printer, the
 * report) on one dispatch thread. The queue to the subscribers is bounded too: when they fall that
 * far behind (stdout a pipe nobody reads), the oldest queued events are dropped and counted.
 * {@link #close()} delivers everything still queued before it returns.
 */
public final class EventLog implements AutoCloseable {
    private static final Object END = new Object();
    /** Some 10 MB of events at most; a subscriber this far behind is stuck, not slow. */
    static final int QUEUE_CAPACITY = 65_536;

    /** The window for readers; its lock also orders the queue, so subscribers see the window's order. */
    private final RecentRecords<LabEvent> recent;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final int queueCapacity;
    /** Events in the queue (markers aside), taken off by the dispatcher without the window's lock. */
    private final AtomicInteger queuedEvents = new AtomicInteger();
    private final List<Consumer<LabEvent>> subscribers = new CopyOnWriteArrayList<>();
    private final Thread dispatcher;
    private long dropped;
    private volatile boolean closed;

    public EventLog(int window) {
        this(window, QUEUE_CAPACITY);
    }

    EventLog(int window, int queueCapacity) {
        if (window < 1) {
            throw new IllegalArgumentException("event log window must be at least 1: " + window);
        }
        this.recent = new RecentRecords<>(window);
        this.queueCapacity = queueCapacity;
        this.dispatcher = new Thread(this::dispatch, "event-log");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    public void append(LabEvent event) {
        synchronized (recent) {
            recent.add(event);
            // Queued under the same lock as the window, so that subscribers see the order recent() shows,
            // and so that nothing is queued behind close()'s END marker.
            if (!closed) {
                enqueue(event);
            }
        }
    }

    /** Queues for the subscribers, dropping the oldest event when full; called under the window's lock. */
    private void enqueue(LabEvent event) {
        while (queuedEvents.get() >= queueCapacity) {
            Object oldest = queue.poll();
            if (oldest == null) {
                break;
            }
            if (oldest instanceof CountDownLatch delivered) {
                // A flush waits for what was queued before it, and that is going now.
                delivered.countDown();
            } else {
                queuedEvents.decrementAndGet();
                dropped++;
            }
        }
        queuedEvents.incrementAndGet();
        queue.add(event);
    }

    /** How many events the subscribers never saw because they fell more than the queue behind. */
    public long droppedCount() {
        synchronized (recent) {
            return dropped;
        }
    }

    /** Subscribers see the events appended after they subscribe, on the dispatch thread. */
    public void subscribe(Consumer<LabEvent> subscriber) {
        subscribers.add(subscriber);
    }

    /** Stops handing events to a subscriber (one that streams to a reader who went away). */
    public void unsubscribe(Consumer<LabEvent> subscriber) {
        subscribers.remove(subscriber);
    }

    /**
     * The events appended after the first {@code seen} (the {@link #appendedCount()} a reader saw
     * last), oldest first; only those still in the window, so a reader that fell far behind loses
     * the oldest ones.
     */
    public List<LabEvent> since(long seen) {
        return after(seen).events();
    }

    /**
     * What a reader asks for each time: the events after the first {@code seen}, as {@link #since},
     * and the count to pass next time, read under one lock, so that no event falls between them.
     */
    public Batch after(long seen) {
        synchronized (recent) {
            return new Batch(recent.since(seen), Math.max(seen, recent.added()));
        }
    }

    /** Events for a reader, and the {@code seen} to ask {@link #after} with next. */
    public record Batch(List<LabEvent> events, long next) {
    }

    /** The most recent events, oldest first, at most the window. */
    public List<LabEvent> recent() {
        return new ArrayList<>(recent.all());
    }

    public long appendedCount() {
        return recent.added();
    }

    /** Blocks until every event appended so far has reached the subscribers. */
    public void flush() throws InterruptedException {
        CountDownLatch delivered = new CountDownLatch(1);
        boolean wasClosed;
        synchronized (recent) {
            wasClosed = closed;
            if (!wasClosed) {
                queue.add(delivered);
            }
        }
        if (wasClosed) {
            // close() delivers everything queued before it; a marker queued now would never be reached.
            // Waited for outside the lock, which writers and readers need meanwhile.
            dispatcher.join(TimeUnit.SECONDS.toMillis(10));
            return;
        }
        if (!delivered.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("event subscribers did not keep up within 10 s");
        }
    }

    private void dispatch() {
        try {
            while (true) {
                Object item = queue.take();
                if (item == END) {
                    return;
                }
                if (item instanceof CountDownLatch delivered) {
                    delivered.countDown();
                    continue;
                }
                queuedEvents.decrementAndGet();
                for (Consumer<LabEvent> s : subscribers) {
                    try {
                        s.accept((LabEvent) item);
                    } catch (RuntimeException | LinkageError | AssertionError e) {
                        // One broken subscriber must not starve the others or stop the log.
                        System.err.println("event subscriber failed: " + e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        synchronized (recent) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(END);
        }
        dispatcher.join(TimeUnit.SECONDS.toMillis(10));
        long lost = droppedCount();
        if (lost > 0) {
            System.err.println("event log: " + lost + " events were dropped because their subscribers fell behind");
        }
    }
}
