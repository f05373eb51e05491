package lab.heartbeat.ui;

import java.util.ArrayList;
import java.util.List;
import lab.heartbeat.telemetry.Detection;
import lab.heartbeat.telemetry.LabEvent;
import lab.heartbeat.telemetry.TelemetrySnapshot;

/**
 * What the dashboard shows in one tick: the snapshot, the recent events when they changed (null
 * otherwise), and the detections since the previous frame.
 */
public record DashboardFrame(TelemetrySnapshot snapshot, List<LabEvent> events, List<Detection> newDetections) {

    public DashboardFrame {
        newDetections = List.copyOf(newDetections);
    }

    /** This frame followed by a newer one that the FX thread has not taken yet: nothing may be lost. */
    public DashboardFrame then(DashboardFrame newer) {
        List<Detection> detections = new ArrayList<>(newDetections);
        detections.addAll(newer.newDetections);
        return new DashboardFrame(newer.snapshot, newer.events != null ? newer.events : events, detections);
    }
}
