package lab.heartbeat.cli;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import lab.heartbeat.telemetry.LabEvent;

/**
 * Passes events on in the order of their times. Several event loops append to the log, and a
 * detection is stamped when it was decided but appended when its channel has closed, after the
 * reconnect that the close scheduled; so each event is held for a moment and everything stamped up
 * to the newest event that has waited its moment goes out sorted.
 */
final class OrderedEvents implements Consumer<LabEvent>, AutoCloseable {
    static final long HOLD_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private record Held(LabEvent event, long seq, long arrived) {
    }

    private final Consumer<LabEvent> next;
    private final LongSupplier clock;
    private final PriorityQueue<Held> byTime = new PriorityQueue<>(
            Comparator.comparingLong((Held h) -> h.event().nanos()).thenComparingLong(Held::seq));
    private final ArrayDeque<Held> byArrival = new ArrayDeque<>();
    private final ScheduledExecutorService releaser;
    private long seq;
    private long releasedUpTo = Long.MIN_VALUE;

    OrderedEvents(Consumer<LabEvent> next) {
        this(next, System::nanoTime);
        releaser.scheduleWithFixedDelay(this::release, HOLD_NANOS / 2, HOLD_NANOS / 2, TimeUnit.NANOSECONDS);
    }

    /** With a clock of its own and no timer: {@link #release()} is then called by the test. */
    OrderedEvents(Consumer<LabEvent> next, LongSupplier clock) {
        this.next = next;
        this.clock = clock;
        this.releaser = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "event-order");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public synchronized void accept(LabEvent event) {
        Held held = new Held(event, seq++, clock.getAsLong());
        byTime.add(held);
        byArrival.addLast(held);
    }

    /** Passes on everything stamped up to the newest event that has been held long enough. */
    synchronized void release() {
        long now = clock.getAsLong();
        while (!byArrival.isEmpty() && now - byArrival.peekFirst().arrived() >= HOLD_NANOS) {
            releasedUpTo = Math.max(releasedUpTo, byArrival.pollFirst().event().nanos());
        }
        while (!byTime.isEmpty() && byTime.peek().event().nanos() <= releasedUpTo) {
            next.accept(byTime.poll().event());
        }
    }

    /** Passes on everything still held; call once the lab, and so its event log, is closed. */
    @Override
    public synchronized void close() {
        releaser.shutdownNow();
        byArrival.clear();
        while (!byTime.isEmpty()) {
            next.accept(byTime.poll().event());
        }
    }
}
