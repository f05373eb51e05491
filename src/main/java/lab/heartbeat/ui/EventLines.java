package lab.heartbeat.ui;

import java.util.Locale;
import lab.heartbeat.telemetry.LabEvent;

/** One line of the event log panel per event, with its time since the lab started. */
final class EventLines {
    private final long startNanos;

    EventLines(long startNanos) {
        this.startNanos = startNanos;
    }

    String line(LabEvent e) {
        StringBuilder s = new StringBuilder(96);
        s.append(String.format(Locale.ROOT, "%8.3f s  %-16s", (e.nanos() - startNanos) / 1e9, e.kind().label()));
        if (e.side() != null) {
            s.append(' ').append(e.side().label());
        }
        if (e.client() != null) {
            s.append(' ').append(e.client());
        }
        if (e.cause() != null) {
            s.append(" cause=").append(e.cause().label());
        }
        if (e.measuredMs() != null) {
            s.append(" after ").append(e.measuredMs()).append(" ms");
            if (e.predictedMs() != null) {
                s.append(" (predicted ").append(e.predictedMs()).append(" ms)");
            }
        }
        if (e.detail() != null) {
            s.append("  ").append(e.detail());
        }
        return s.toString();
    }
}
