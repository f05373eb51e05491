package lab.heartbeat.telemetry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import lab.heartbeat.detect.Side;

/**
 * Track counters summed by side, group and profile: a scrape's totals over the live tracks, and
 * what the tracks that left (removed clients, closed server connections) had counted, so that a
 * total never goes down when a track goes.
 */
final class TrackTotals {

    /** Whose counters: server tracks have no group or profile. */
    record Key(Side side, String group, String profile) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int bySide = side.compareTo(o.side);
            int byGroup = bySide != 0 ? bySide : group.compareTo(o.group);
            return byGroup != 0 ? byGroup : profile.compareTo(o.profile);
        }
    }

    /** The sums of one key. */
    static final class Sums {
        final long[] counters = new long[TrackCounter.values().length];
        final long[] rttBuckets = new long[RttHistogram.UPPER_BOUNDS.length];
        final long[] rttSumNanos = new long[1];

        long get(TrackCounter counter) {
            return counters[counter.ordinal()];
        }

        private void add(Sums other) {
            for (int i = 0; i < counters.length; i++) {
                counters[i] += other.counters[i];
            }
            for (int i = 0; i < rttBuckets.length; i++) {
                rttBuckets[i] += other.rttBuckets[i];
            }
            rttSumNanos[0] += other.rttSumNanos[0];
        }
    }

    private final Map<Key, Sums> sums = new TreeMap<>();

    synchronized void add(EndpointStats stats) {
        Key key = stats.side() == Side.CLIENT ? new Key(Side.CLIENT, stats.group, stats.profile)
                : new Key(Side.SERVER, "", "");
        Sums s = sums.computeIfAbsent(key, k -> new Sums());
        for (TrackCounter c : TrackCounter.values()) {
            s.counters[c.ordinal()] += c.of(stats);
        }
        stats.rtt.addTo(s.rttBuckets, s.rttSumNanos);
    }

    synchronized void add(TrackTotals other) {
        synchronized (other) {
            other.sums.forEach((key, theirs) -> sums.computeIfAbsent(key, k -> new Sums()).add(theirs));
        }
    }

    /** A copy in key order (side, group, profile). */
    synchronized Map<Key, Sums> byKey() {
        return new LinkedHashMap<>(sums);
    }
}
