package lab.heartbeat.ui.log;

import lab.heartbeat.ui.common.Formats;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import lab.heartbeat.telemetry.Detection;

/**
 * Turns detections into notices, at most one per period: a single detection is named, a burst is
 * summarised ("12 detections") so that a thousand at once give one notice, not a thousand.
 */
public final class DetectionDigest {
    private final LongSupplier clock;
    private final long periodNanos;
    private long lastShown;
    private boolean shownOnce;
    private int pending;
    private Detection first;

    public DetectionDigest(LongSupplier clock, Duration period) {
        this.clock = clock;
        this.periodNanos = period.toNanos();
    }

    public void add(List<Detection> detections) {
        if (!detections.isEmpty() && pending == 0) {
            first = detections.get(0);
        }
        pending += detections.size();
    }

    /** The notice due now, or null. */
    public String poll() {
        if (pending == 0) {
            return null;
        }
        long now = clock.getAsLong();
        if (shownOnce && now - lastShown < periodNanos) {
            return null;
        }
        String text = pending == 1
                ? first.client() + ": " + first.side().label() + " " + Formats.detection(first)
                : pending + " detections";
        shownOnce = true;
        lastShown = now;
        pending = 0;
        first = null;
        return text;
    }
}
