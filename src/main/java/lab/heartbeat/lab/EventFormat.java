package lab.heartbeat.lab;

import java.util.List;
import lab.heartbeat.telemetry.LabEvent;
import lab.heartbeat.telemetry.TimeBase;

/**
 * How an event looks outside the lab: one JSON object per event (for {@code --json} and
 * report.json, see {@link EventJson}) and one line of text for people.
 */
public final class EventFormat {
    private final TimeBase time;

    public EventFormat(TimeBase time) {
        this.time = time;
    }

    public EventJson toJson(LabEvent e) {
        EventJson.Timing timing = null;
        if (e.measuredMs() != null || e.isDetection()) {
            List<Long> window = e.predictedLoMs() == null ? null : List.of(e.predictedLoMs(), e.predictedHiMs());
            timing = new EventJson.Timing(e.measuredMs(), e.predictedMs(), window, e.since());
        }
        return new EventJson(time.wallTime(e.nanos()).toString(), Math.round(time.msSinceStart(e.nanos())),
                e.kind().label(), e.side() == null ? null : e.side().label(), e.client(), e.connection(),
                e.cause() == null ? null : e.cause().label(), timing,
                e.attempt() == null ? null : new EventJson.Retry(e.attempt(), e.delayMs()), e.port(), e.detail());
    }

    public String toLine(LabEvent e) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(java.util.Locale.ROOT, "%9.3fs %-17s", time.msSinceStart(e.nanos()) / 1000, e.kind().label()));
        if (e.side() != null) {
            s.append(' ').append(String.format(java.util.Locale.ROOT, "%-6s", e.side().label()));
        }
        if (e.connection() != null && !e.connection().isEmpty()) {
            s.append(' ').append(printable(e.connection()));
        } else if (e.client() != null) {
            s.append(' ').append(printable(e.client()));
        }
        if (e.cause() != null) {
            s.append(" cause=").append(e.cause().label());
        }
        if (e.measuredMs() != null) {
            s.append(" measured=").append(e.measuredMs()).append("ms");
            s.append(" predicted=").append(e.predictedMs() == null ? "-" : e.predictedMs() + "ms");
        }
        if (e.attempt() != null) {
            s.append(" attempt=").append(e.attempt()).append(" in ").append(e.delayMs()).append("ms");
        }
        if (e.detail() != null) {
            s.append(" (").append(printable(e.detail())).append(')');
        }
        return s.toString();
    }

    /**
     * Text a peer chose (a HELLO name) as it may reach a terminal: control characters as
     * {@code \xNN}, so that an ESC or CR cannot move the cursor or forge a line.
     */
    public static String printable(String text) {
        StringBuilder s = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                if (s == null) {
                    s = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                s.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
            } else if (s != null) {
                s.append(c);
            }
        }
        return s == null ? text : s.toString();
    }
}
