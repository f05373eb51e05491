package lab.heartbeat.ui.lab;

import lab.heartbeat.ui.log.LogViewModel;
import java.util.ArrayList;
import java.util.List;
import lab.heartbeat.telemetry.Detection;
import lab.heartbeat.telemetry.LabEvent;
import lab.heartbeat.telemetry.TelemetrySnapshot;

/**
 * What the dashboard shows in one tick: the snapshot, the events appended since the previous frame
 * (at most the log panel's {@value LogViewModel#EVENT_LINES}, the newest), the detections since
 * the previous frame, the lab it was read from (null: the one the view model already shows), and
 * every fault's race when they changed (null otherwise).
 */
public record DashboardFrame(TelemetrySnapshot snapshot, List<LabEvent> newEvents, List<Detection> newDetections,
        LabGateway source, List<RaceSnapshot> races) {

    public DashboardFrame {
        newEvents = newEvents == null ? List.of() : List.copyOf(newest(newEvents));
        newDetections = List.copyOf(newDetections);
        races = races == null ? null : List.copyOf(races);
    }

    public DashboardFrame(TelemetrySnapshot snapshot, List<LabEvent> newEvents, List<Detection> newDetections) {
        this(snapshot, newEvents, newDetections, null, null);
    }

    private static List<LabEvent> newest(List<LabEvent> events) {
        int n = events.size();
        return n <= LogViewModel.EVENT_LINES ? events : events.subList(n - LogViewModel.EVENT_LINES, n);
    }

    /**
     * This frame followed by a newer one that the FX thread has not taken yet: no detection is
     * lost, and the events are the newest of both. A frame of another lab replaces this one: the
     * view model starts that lab afresh.
     */
    public DashboardFrame then(DashboardFrame newer) {
        if (newer.source != source) {
            return newer;
        }
        List<Detection> detections = new ArrayList<>(newDetections);
        detections.addAll(newer.newDetections);
        List<LabEvent> events = newEvents;
        if (!newer.newEvents.isEmpty()) {
            events = new ArrayList<>(newEvents);
            events.addAll(newer.newEvents);
        }
        return new DashboardFrame(newer.snapshot, events, detections, source,
                newer.races != null ? newer.races : races);
    }
}
