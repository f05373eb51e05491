package lab.heartbeat.detect;

/** A periodic timer on the monotonic clock: ticks at {@code phaseNanos + n * periodNanos} for n >= 1. */
public record TickSchedule(long phaseNanos, long periodNanos) {

    public TickSchedule {
        if (periodNanos <= 0) {
            throw new IllegalArgumentException("periodNanos must be positive: " + periodNanos);
        }
    }

    /** The first tick strictly after {@code t}: a tick at the same instant as a frame has already run. */
    public long firstTickAfter(long t) {
        long n = Math.max(1, Math.floorDiv(t - phaseNanos, periodNanos) + 1);
        return phaseNanos + n * periodNanos;
    }

    /** The k-th tick strictly after {@code t}; k = 1 is {@link #firstTickAfter(long)}. */
    public long kthTickAfter(long t, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1: " + k);
        }
        return firstTickAfter(t) + (k - 1) * periodNanos;
    }
}
