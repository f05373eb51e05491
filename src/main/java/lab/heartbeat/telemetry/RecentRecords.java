package lab.heartbeat.telemetry;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The most recent records of a kind, at most a capacity: the oldest is dropped, and counted, for
 * each one past it. Readers that keep up ask by how many they have seen in all, as with the event
 * log, so that a drop never shifts what they get. Thread-safe.
 */
public final class RecentRecords<T> {
    private final int capacity;
    private final ArrayDeque<T> kept = new ArrayDeque<>();
    private long added;

    public RecentRecords(int capacity) {
        this.capacity = capacity;
    }

    /** Adds these, oldest first. */
    public synchronized void addAll(List<T> records) {
        records.forEach(this::add);
    }

    /** Counts records that were lost before they came here, as if added and dropped at once. */
    public synchronized void skip(long records) {
        added += records;
    }

    public synchronized void add(T record) {
        if (kept.size() == capacity) {
            kept.removeFirst();
        }
        kept.addLast(record);
        added++;
    }

    /** The records after the first {@code seen} added, those still kept, oldest first. */
    public synchronized List<T> since(long seen) {
        long missing = added - Math.max(0, seen);
        if (missing <= 0) {
            return List.of();
        }
        int take = (int) Math.min(missing, kept.size());
        List<T> out = new ArrayList<>(take);
        var it = kept.iterator();
        for (int skip = kept.size() - take; skip > 0; skip--) {
            it.next();
        }
        it.forEachRemaining(out::add);
        return out;
    }

    synchronized List<T> all() {
        return List.copyOf(kept);
    }

    /** How many were added in all. */
    public synchronized long added() {
        return added;
    }

    /** How many were dropped as the oldest past the capacity. */
    synchronized long dropped() {
        return added - kept.size();
    }
}
