package lab.heartbeat.detect;

/**
 * The phi accrual failure detector of Hayashibara et al., ported from Akka's PhiAccrualFailureDetector
 * to nanoseconds on an injected monotonic clock. Not thread-safe: one connection's event loop owns it.
 */
public final class PhiAccrualDetector {

    private final PhiAccrualParams params;
    private final HeartbeatHistory history;
    private final double acceptableHeartbeatPauseNanos;
    private final double minStdDeviationNanos;
    private boolean monitoring;
    private long lastHeartbeat;

    public PhiAccrualDetector(PhiAccrualParams params) {
        this.params = Checks.required("phi", params);
        this.history = new HeartbeatHistory(params.maxSampleSize());
        this.acceptableHeartbeatPauseNanos = params.acceptableHeartbeatPause().toNanos();
        this.minStdDeviationNanos = params.minStdDeviation().toNanos();
    }

    public PhiAccrualParams params() {
        return params;
    }

    public void heartbeat(long nanos) {
        if (!monitoring) {
            seedHistory();
            monitoring = true;
        } else if (isAvailable(nanos)) {
            history.add(nanos - lastHeartbeat);
        }
        // else: the first heartbeat after a failure would skew the statistics with the long pause, as Akka says
        lastHeartbeat = nanos;
    }

    /** Zero before the first heartbeat: a connection that never spoke is treated as healthy, as in Akka. */
    public double phi(long nanos) {
        if (!monitoring) {
            return 0.0;
        }
        return phi(nanos - lastHeartbeat, mean(), stdDeviation());
    }

    /** The statistics phi is computed from now, or null before the first heartbeat. */
    public PhiEstimate estimate() {
        return monitoring ? new PhiEstimate(lastHeartbeat, mean(), stdDeviation(), params.threshold()) : null;
    }

    public boolean isAvailable(long nanos) {
        return phi(nanos) < params.threshold();
    }

    public boolean isMonitoring() {
        return monitoring;
    }

    public int sampleCount() {
        return history.size();
    }

    /**
     * The first nanosecond at which phi reaches the threshold if no heartbeat arrives,
     * or {@link Long#MAX_VALUE} before the first heartbeat or when that instant does not fit in a long.
     */
    public long predictedCrossingNanos() {
        if (!monitoring) {
            return Long.MAX_VALUE;
        }
        // The statistics do not change during the search: computed once, not at every probe.
        double mean = mean();
        double stdDeviation = stdDeviation();
        java.util.function.LongPredicate available =
                t -> phi(t - lastHeartbeat, mean, stdDeviation) < params.threshold();
        long below = lastHeartbeat;
        if (!available.test(below)) {
            return below;
        }
        long step = Math.max(1, (long) mean);
        long above = below + step;
        while (available.test(above)) {
            below = above;
            if (step > (Long.MAX_VALUE - above) / 2) {
                return Long.MAX_VALUE;
            }
            step *= 2;
            above = below + step;
        }
        // phi is monotone in time since the last heartbeat, so bisection finds the exact nanosecond.
        while (above - below > 1) {
            long middle = below + (above - below) / 2;
            if (available.test(middle)) {
                below = middle;
            } else {
                above = middle;
            }
        }
        return above;
    }

    /** Akka's logistic approximation of the normal distribution's tail, as -log10 of the probability. */
    static double phi(double timeDiff, double mean, double stdDeviation) {
        double y = (timeDiff - mean) / stdDeviation;
        double e = Math.exp(-y * (1.5976 + 0.070566 * y * y));
        if (timeDiff > mean) {
            return -Math.log10(e / (1.0 + e));
        }
        return -Math.log10(1.0 - 1.0 / (1.0 + e));
    }

    private double mean() {
        return history.mean() + acceptableHeartbeatPauseNanos;
    }

    private double stdDeviation() {
        return Math.max(history.stdDeviation(), minStdDeviationNanos);
    }

    /** Two samples at estimate -+ estimate/4 so that phi means something from the second heartbeat on. */
    private void seedHistory() {
        long mean = params.firstHeartbeatEstimate().toNanos();
        long stdDeviation = mean / 4;
        history.clear();
        history.add(mean - stdDeviation);
        history.add(mean + stdDeviation);
    }
}
