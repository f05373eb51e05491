package lab.heartbeat.detect;

import java.util.ArrayDeque;

/** A bounded window of heartbeat inter-arrival times with running sums, like Akka's HeartbeatHistory. */
final class HeartbeatHistory {

    private final int maxSampleSize;
    private final ArrayDeque<Long> intervals = new ArrayDeque<>();
    private long intervalSum;
    // A double, because squared nanosecond intervals overflow a long after a handful of seconds.
    private double squaredIntervalSum;

    HeartbeatHistory(int maxSampleSize) {
        this.maxSampleSize = maxSampleSize;
    }

    void add(long interval) {
        if (intervals.size() >= maxSampleSize) {
            long oldest = intervals.removeFirst();
            intervalSum -= oldest;
            squaredIntervalSum -= (double) oldest * oldest;
        }
        intervals.addLast(interval);
        intervalSum += interval;
        squaredIntervalSum += (double) interval * interval;
    }

    void clear() {
        intervals.clear();
        intervalSum = 0;
        squaredIntervalSum = 0;
    }

    int size() {
        return intervals.size();
    }

    double mean() {
        return (double) intervalSum / intervals.size();
    }

    double variance() {
        double mean = mean();
        // Rounding can push a zero variance slightly below zero; sqrt would then give NaN.
        return Math.max(0, squaredIntervalSum / intervals.size() - mean * mean);
    }

    double stdDeviation() {
        return Math.sqrt(variance());
    }
}
