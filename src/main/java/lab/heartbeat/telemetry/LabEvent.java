package lab.heartbeat.telemetry;

import lab.heartbeat.detect.Cause;
import lab.heartbeat.detect.Side;

/**
 * One entry of the event log. {@code nanos} is on the lab's monotonic clock. For detections,
 * {@code measuredMs} and {@code predictedMs} count from the reference that {@code since} names: the
 * last frame received ({@code last-frame}), or a fault's t0 ({@code fault-N}), and so do
 * {@code predictedLoMs} and {@code predictedHiMs}, the window theory allows (equal to
 * {@code predictedMs} for a point prediction). {@code port} is the server's listening port on
 * server-started and server-stopped. Absent fields are null.
 */
public record LabEvent(
        long nanos,
        EventKind kind,
        Side side,
        String client,
        String connection,
        Cause cause,
        String detail,
        Long measuredMs,
        Long predictedMs,
        Integer attempt,
        Long delayMs,
        Integer port,
        String since,
        Long predictedLoMs,
        Long predictedHiMs) {

    /** An event with no predicted window: anything but a detection. */
    public LabEvent(long nanos, EventKind kind, Side side, String client, String connection, Cause cause, String detail,
            Long measuredMs, Long predictedMs, Integer attempt, Long delayMs, Integer port, String since) {
        this(nanos, kind, side, client, connection, cause, detail, measuredMs, predictedMs, attempt, delayMs, port,
                since, null, null);
    }

    public static LabEvent of(long nanos, EventKind kind, Side side, String client, String connection, String detail) {
        return new LabEvent(nanos, kind, side, client, connection, null, detail, null, null, null, null, null, null);
    }

    public boolean isDetection() {
        return kind == EventKind.DETECTED;
    }
}
