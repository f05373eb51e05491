package lab.heartbeat.lab;

import java.util.LinkedHashMap;
import java.util.Map;
import lab.heartbeat.telemetry.LabEvent;
import lab.heartbeat.telemetry.TimeBase;

/**
 * How an event looks outside the lab: one JSON object per event (for {@code --json} and
 * report.json) and one line of text for people.
 */
public final class EventFormat {
    private final TimeBase time;

    public EventFormat(TimeBase time) {
        this.time = time;
    }

    public Map<String, Object> toMap(LabEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", time.wallTime(e.nanos()).toString());
        m.put("t", Math.round(time.msSinceStart(e.nanos())));
        m.put("event", e.kind().label());
        m.put("side", e.side() == null ? null : e.side().label());
        m.put("client", e.client());
        m.put("connection", e.connection());
        if (e.cause() != null) {
            m.put("cause", e.cause().label());
        }
        if (e.measuredMs() != null || e.isDetection()) {
            m.put("measuredMs", e.measuredMs());
            m.put("predictedMs", e.predictedMs());
            m.put("since", e.since());
        }
        if (e.attempt() != null) {
            m.put("attempt", e.attempt());
            m.put("delayMs", e.delayMs());
        }
        if (e.port() != null) {
            m.put("port", e.port());
        }
        if (e.detail() != null) {
            m.put("detail", e.detail());
        }
        return m;
    }

    public String toLine(LabEvent e) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(java.util.Locale.ROOT, "%9.3fs %-17s", time.msSinceStart(e.nanos()) / 1000, e.kind().label()));
        if (e.side() != null) {
            s.append(' ').append(String.format(java.util.Locale.ROOT, "%-6s", e.side().label()));
        }
        if (e.connection() != null && !e.connection().isEmpty()) {
            s.append(' ').append(e.connection());
        } else if (e.client() != null) {
            s.append(' ').append(e.client());
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
            s.append(" (").append(e.detail()).append(')');
        }
        return s.toString();
    }
}
