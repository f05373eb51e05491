package lab.heartbeat.lab;

import java.util.List;
import lab.heartbeat.telemetry.Detection;
import lab.heartbeat.telemetry.LabEvent;
import lab.heartbeat.telemetry.SeriesView;
import lab.heartbeat.telemetry.TelemetrySnapshot;
import lab.heartbeat.telemetry.TimeBase;

/** What a scenario run produced: every event, every detection, the final counters and the time series. */
public record RunResult(ScenarioPlan plan, String transport, int port, TimeBase time, List<LabEvent> events,
        List<Detection> detections, TelemetrySnapshot finalSnapshot, List<SeriesView> series, boolean completed) {
}
