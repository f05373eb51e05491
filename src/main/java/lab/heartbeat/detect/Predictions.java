package lab.heartbeat.detect;

import java.time.Duration;
import java.util.OptionalLong;

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
     * Idle + count x interval after the last segment received; empty while unacknowledged data is in flight,
     * because the kernel then runs the retransmission timer and never starts keepalive probes.
     */
    public static OptionalLong osKeepalive(KeepaliveParams p, long lastActivity, boolean dataInFlight) {
        if (dataInFlight) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(lastActivity + p.detectionAfterIdle().toNanos());
    }

    /**
     * With data in flight, u after the oldest unacknowledged send. On an idle socket the kernel checks u only
     * when the keepalive timer fires with at least one probe out (tcp_keepalive_timer), so the abort comes at
     * the first probe time idle + n x interval, n >= 1, that is at least u after the last receive; idle without
     * keepalive nothing runs, so never.
     *
     * @param oldestUnackedSend when the oldest unacknowledged byte was sent, or -1 when nothing is unacknowledged
     */
    public static OptionalLong userTimeout(Duration u, long oldestUnackedSend, long lastReceived,
                                           KeepaliveParams keepaliveOrNull) {
        long uNanos = Checks.positive("userTimeout", u).toNanos();
        if (oldestUnackedSend >= 0) {
            return OptionalLong.of(oldestUnackedSend + uNanos);
        }
        if (keepaliveOrNull == null) {
            return OptionalLong.empty();
        }
        long idle = keepaliveOrNull.idle().toNanos();
        long interval = keepaliveOrNull.interval().toNanos();
        long probes = Math.max(1, ceilDiv(uNanos - idle, interval));
        return OptionalLong.of(lastReceived + idle + probes * interval);
    }

    /** When phi crosses the detector's threshold if no further heartbeat arrives. */
    public static long phiAccrual(PhiAccrualDetector d) {
        return d.predictedCrossingNanos();
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
