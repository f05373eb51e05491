package lab.heartbeat.ui.lab;

import java.util.List;
import lab.heartbeat.telemetry.Detection;
import lab.heartbeat.telemetry.LabEvent;
import lab.heartbeat.telemetry.RecentRecords;
import lab.heartbeat.telemetry.TelemetrySnapshot;

/**
 * The embedded lab's events and detections and the attached labs', merged into one log each and
 * counted as one, as the poller reads a single lab's. Filled by each snapshot, on the poller's thread.
 */
final class MergedReadings {
    /** As many as the event log panel's reader can fall behind by, and as many detections as the lab keeps. */
    private final RecentRecords<LabEvent> events = new RecentRecords<>(10_000);
    private final RecentRecords<Detection> detections = new RecentRecords<>(50_000);
    private long localEventsSeen;
    private long localDetectionsSeen;

    /** Moves in what is new: the embedded lab's since the last pump (its snapshot {@code s} says how much), the attached labs'. */
    synchronized void pump(LabGateway local, TelemetrySnapshot s, List<AttachedLab> attached) {
        if (s.eventCount() != localEventsSeen) {
            LabGateway.Events batch = local.eventsSince(localEventsSeen);
            events.skip(batch.seen() - localEventsSeen - batch.events().size());
            localEventsSeen = batch.seen();
            events.addAll(batch.events());
        }
        if (s.detectionCount() > localDetectionsSeen) {
            List<Detection> batch = local.detectionsSince((int) localDetectionsSeen);
            localDetectionsSeen += batch.size();
            detections.addAll(batch);
        }
        for (AttachedLab a : attached) {
            events.addAll(a.drainEvents());
            detections.addAll(a.drainDetections());
        }
    }

    long eventCount() {
        return events.added();
    }

    long detectionCount() {
        return detections.added();
    }

    synchronized LabGateway.Events eventsSince(long seen) {
        return new LabGateway.Events(events.since(seen), events.added());
    }

    List<Detection> detectionsSince(int index) {
        return detections.since(index);
    }
}
