package lab.heartbeat.detect;

/**
 * When the kernel first retransmitted the oldest unacknowledged segment on its RTO timer, and the
 * two timers that led there (the tail loss probe's and the RTO), each on the timer wheel; 0 for a
 * timer whose length is unknown.
 */
public record Retransmission(long atNanos, long probeNanos, long rtoNanos) {
    /** The longest RTO Linux backs off to (TCP_RTO_MAX). */
    private static final long RTO_MAX_NANOS = 120_000_000_000L;
    /** What the loss probe adds to 2 x RTT when one segment is out (TCP_RTO_MIN), for the peer's delayed ACK. */
    private static final long RTO_MIN_NANOS = 200_000_000L;

    /**
     * The first retransmission of a lone segment sent at {@code sentNanos} (heartbeats travel alone): a
     * tail loss probe goes first, after 2 x smoothed RTT in whole jiffies rounded up (usecs_to_jiffies)
     * plus TCP_RTO_MIN, at most one RTO (tcp_schedule_loss_probe); it does not start the user timeout's
     * clock. The RTO timer, re-armed by the probe, fires one RTO later.
     */
    public static Retransmission afterLossProbe(long sentNanos, long rttNanos, long rtoNanos, TimerWheel wheel) {
        long probe = Math.min(wheel.nanos(wheel.jiffies(2 * rttNanos)) + RTO_MIN_NANOS, rtoNanos);
        return new Retransmission(sentNanos + probe + rtoNanos, probe, rtoNanos);
    }

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
