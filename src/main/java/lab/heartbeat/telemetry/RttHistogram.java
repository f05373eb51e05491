package lab.heartbeat.telemetry;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One track's heartbeat round-trip times in fixed buckets, for the metrics export: counted on the
 * track's event loop (single writer, one ordered store per ack), summed by group at scrape time.
 */
final class RttHistogram {
    /** Upper bounds in seconds; the last bucket is everything above (+Inf). */
    static final double[] UPPER_BOUNDS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5,
        Double.POSITIVE_INFINITY};

    private final AtomicLongArray counts = new AtomicLongArray(UPPER_BOUNDS.length);
    private volatile long sumNanos;

    void observe(long rttNanos) {
        double seconds = rttNanos / 1e9;
        int bucket = 0;
        while (seconds > UPPER_BOUNDS[bucket]) {
            bucket++;
        }
        counts.lazySet(bucket, counts.get(bucket) + 1);
        sumNanos += rttNanos;
    }

    /** The sum of every round trip observed, for the mean that the table shows. */
    long sumNanos() {
        return sumNanos;
    }

    void addTo(long[] bucketCounts, long[] sum) {
        for (int i = 0; i < bucketCounts.length; i++) {
            bucketCounts[i] += counts.get(i);
        }
        sum[0] += sumNanos;
    }
}
