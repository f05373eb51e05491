package lab.heartbeat.ui;

import java.util.ArrayList;
import java.util.List;
import lab.heartbeat.telemetry.Detection;
import lab.heartbeat.telemetry.LabEvent;
import lab.heartbeat.telemetry.TelemetrySnapshot;

/**
 * What the dashboard shows in one tick: the snapshot, the recent events when they changed (null
 * otherwise), the detections since the previous frame, the lab it was read from (null: the one the
 * view model already shows), and every fault's race when they changed (null otherwise).
 */
public record DashboardFrame(TelemetrySnapshot snapshot, List<LabEvent> events, List<Detection> newDetections,
        LabGateway source, List<RaceView> races) {

    public DashboardFrame {
        newDetections = List.copyOf(newDetections);
        races = races == null ? null : List.copyOf(races);
    }

    public DashboardFrame(TelemetrySnapshot snapshot, List<LabEvent> events, List<Detection> newDetections) {
        this(snapshot, events, newDetections, null, null);
    }

    /**
     * This frame followed by a newer one that the FX thread has not taken yet: nothing may be lost.
     * A frame of another lab replaces this one: the view model starts that lab afresh.
     */
    public DashboardFrame then(DashboardFrame newer) {
        if (newer.source != source) {
            return newer;
        }
        List<Detection> detections = new ArrayList<>(newDetections);
        detections.addAll(newer.newDetections);
        return new DashboardFrame(newer.snapshot, newer.events != null ? newer.events : events, detections, source,
                newer.races != null ? newer.races : races);
    }
}
