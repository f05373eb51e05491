package lab.heartbeat.lab;

import java.util.List;
import lab.heartbeat.telemetry.Detection;
import lab.heartbeat.telemetry.LabEvent;
import lab.heartbeat.telemetry.SeriesView;
import lab.heartbeat.telemetry.TelemetrySnapshot;
import lab.heartbeat.telemetry.TimeBase;

/**
 * What a scenario run produced: where it ran (transport, namespace, fault backend and what that
 * backend cannot show), every event, every detection, each fault's race, the final counters and the
 * time series.
 */
public record RunResult(ScenarioPlan plan, String transport, int port, TimeBase time, String namespace,
        String faultBackend, String faultNote, String faultLimitation, List<LabEvent> events,
        List<Detection> detections, List<Race> races, TelemetrySnapshot finalSnapshot, List<SeriesView> series,
        boolean completed) {

    RunResult withEvents(List<LabEvent> all) {
        return new RunResult(plan, transport, port, time, namespace, faultBackend, faultNote, faultLimitation, all,
                detections, races, finalSnapshot, series, completed);
    }
}
