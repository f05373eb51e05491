package lab.heartbeat.telemetry;

import java.util.List;

/** One immutable reading of the whole lab's counters, as a view model pulls it once per frame. */
public record TelemetrySnapshot(long nanos, List<EndpointView> clients, List<EndpointView> serverConnections,
        long eventCount, long detectionCount) {

    public long clientsUp() {
        return clients.stream().filter(EndpointView::online).count();
    }
}
