package lab.heartbeat.lab;

import java.util.List;
import lab.heartbeat.telemetry.ConnectionData;
import lab.heartbeat.telemetry.Detection;
import lab.heartbeat.telemetry.LabEvent;
import lab.heartbeat.telemetry.SeriesView;
import lab.heartbeat.telemetry.TelemetrySnapshot;
import lab.heartbeat.telemetry.TimeBase;

/**
 * What a scenario run produced: where it ran (transport, namespace, fault backend and what that
 * backend cannot show), every event, every detection, each fault's race, the final counters, the
 * time series and the DATA of every connection that carried any.
 */
public record RunResult(ScenarioPlan plan, String transport, int port, TimeBase time, String namespace,
        String faultBackend, String faultNote, String faultLimitation, List<LabEvent> events,
        List<Detection> detections, List<Race> races, TelemetrySnapshot finalSnapshot, List<SeriesView> series,
        boolean completed, List<ConnectionData> data) {

    /** The result with what is known only once the lab has closed: every event, and the final DATA counts. */
    RunResult closed(List<LabEvent> all, List<ConnectionData> finalData) {
        return new RunResult(plan, transport, port, time, namespace, faultBackend, faultNote, faultLimitation, all,
                detections, races, finalSnapshot, series, completed, finalData);
    }

    /** The DATA of the connections a fault hit: its targets' connections that were open at its t0. */
    public List<ConnectionData> dataHitBy(FaultRecord fault) {
        return fault.hitAmong(data);
    }

    /** The DATA of one client's connections. */
    public List<ConnectionData> dataOf(String client) {
        return data.stream().filter(c -> c.client().equals(client)).toList();
    }
}
