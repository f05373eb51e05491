package lab.heartbeat.detect;

/**
 * When the kernel first retransmitted the oldest unacknowledged segment on its RTO timer, and the
 * two timers that led there (the tail loss probe's and the RTO), each on the timer wheel; 0 for a
 * timer whose length is unknown.
 */
public record Retransmission(long atNanos, long probeNanos, long rtoNanos) {
    /** The longest RTO Linux backs off to (TCP_RTO_MAX). */
    private static final long RTO_MAX_NANOS = 120_000_000_000L;

    /**
     * The last timer before a user timeout {@code u} aborts: the RTO doubles at each retransmission and
     * the kernel cuts the last one short so that it ends u after the first (tcp_clamp_rto_to_user_timeout).
     */
    public long lastTimerBefore(long uNanos) {
        if (rtoNanos <= 0) {
            return uNanos;
        }
        long elapsed = 0;
        long rto = rtoNanos;
        while (elapsed + rto < uNanos) {
            elapsed += rto;
            rto = Math.min(2 * rto, RTO_MAX_NANOS);
        }
        return uNanos - elapsed;
    }
}
