package lab.heartbeat.detect;

import java.time.Duration;

/**
 * When theory says each mechanism detects a dead peer, as absolute nanoseconds on the clock the arguments
 * use, computed from a connection's real last-activity times; empty where the mechanism never fires.
 */
public final class Predictions {

    private Predictions() {
    }

    /** The client's k-th heartbeat tick strictly after the last frame it received. */
    public static long appHeartbeat(TickSchedule ticks, long lastFrameReceived, int k) {
        return ticks.kthTickAfter(lastFrameReceived, k);
    }

    /** The server's m-th sweep strictly after the last frame it received; beacons are judged this way. */
    public static long serverSweep(TickSchedule sweeps, long lastFrameReceived, int m) {
        return sweeps.kthTickAfter(lastFrameReceived, m);
    }

    /**
     * Idle + count x interval after the last segment received, and the window the timer wheel gives the
     * chain of count + 1 keepalive timers; none while unacknowledged data is in flight, because the kernel
     * then runs the retransmission timer and never starts keepalive probes.
     */
    public static Prediction osKeepalive(KeepaliveParams p, long lastActivity, boolean dataInFlight,
                                         TimerWheel wheel) {
        if (dataInFlight) {
            return Prediction.NONE;
        }
        return wheel.chain(lastActivity + p.detectionAfterIdle().toNanos(), p.idle().toNanos(),
                p.interval().toNanos(), p.count());
    }

    /**
     * With data in flight, u after the first retransmission; the window adds the steps of the probe, RTO and
     * last (cut short) retransmission timers. On an idle socket the kernel checks u only when the keepalive
     * timer fires with at least one probe out (tcp_keepalive_timer), so the abort comes at the first probe
     * time idle + n x interval, n >= 1, that is at least u after the last receive, with the window of that
     * chain of n + 1 timers; idle without keepalive nothing runs, so never.
     *
     * @param inFlight the first retransmission of the oldest unacknowledged send, or null when nothing is
     *                 unacknowledged
     */
    public static Prediction userTimeout(Duration u, Retransmission inFlight, long lastReceived,
                                         KeepaliveParams keepaliveOrNull, TimerWheel wheel) {
        long uNanos = Checks.positive("userTimeout", u).toNanos();
        if (inFlight != null) {
            return wheel.independent(inFlight.atNanos() + uNanos, inFlight.probeNanos(), inFlight.rtoNanos(),
                    inFlight.lastTimerBefore(uNanos));
        }
        if (keepaliveOrNull == null) {
            return Prediction.NONE;
        }
        long idle = keepaliveOrNull.idle().toNanos();
        long interval = keepaliveOrNull.interval().toNanos();
        int probes = (int) Math.max(1, ceilDiv(uNanos - idle, interval));
        return wheel.chain(lastReceived + idle + probes * interval, idle, interval, probes);
    }

    /**
     * The moment the kernel's keepalive and user-timeout timers count idle time from
     * (keepalive_time_elapsed): the later of the last segment (icsk_ack.lrcvtime) and the last ACK
     * (rcv_tstamp) it received, which a TCP_INFO sample taken at {@code sampledAtNanos} gives in
     * milliseconds ago. The application reads a frame after its segment arrived, as late as its event
     * loop was busy (tens of ms while a lab starts), so its read time counts only for a frame read
     * after the sample, which the sample cannot know of.
     */
    public static long kernelLastHeard(long frameReadNanos, long sampledAtNanos, long dataRecvMsAgo,
                                       long ackRecvMsAgo) {
        long kernel = sampledAtNanos - Duration.ofMillis(Math.min(dataRecvMsAgo, ackRecvMsAgo)).toNanos();
        return frameReadNanos > sampledAtNanos ? Math.max(frameReadNanos, kernel) : kernel;
    }

    /** When phi crosses the detector's threshold if no further heartbeat arrives. */
    public static long phiAccrual(PhiAccrualDetector d) {
        return d.predictedCrossingNanos();
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
