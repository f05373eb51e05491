package lab.heartbeat.ui;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.lab.Lab;
import lab.heartbeat.telemetry.Detection;
import lab.heartbeat.telemetry.LabEvent;
import lab.heartbeat.telemetry.SeriesView;
import lab.heartbeat.telemetry.TelemetrySnapshot;
import lab.heartbeat.transport.ServerSettings;

/** The dashboard's view of a real {@link Lab}. */
public final class LiveLab implements LabGateway {
    private final Lab lab;

    public LiveLab(Lab lab) {
        this.lab = lab;
    }

    public Lab lab() {
        return lab;
    }

    @Override
    public TelemetrySnapshot snapshot() {
        return lab.telemetry().snapshot();
    }

    @Override
    public List<LabEvent> recentEvents() {
        return lab.telemetry().events().recent();
    }

    @Override
    public List<Detection> detectionsFrom(int index) {
        // The engine only hands out the whole list; the poller asks only when the count has grown.
        List<Detection> all = lab.telemetry().detections();
        return index >= all.size() ? List.of() : List.copyOf(all.subList(index, all.size()));
    }

    @Override
    public Optional<SeriesView> series(String track) {
        return lab.telemetry().series(track);
    }

    @Override
    public long startNanos() {
        return lab.telemetry().startNanos();
    }

    @Override
    public String transport() {
        return lab.transport().label();
    }

    @Override
    public int port() {
        return lab.target().getPort();
    }

    @Override
    public ServerSettings serverSettings() {
        return lab.server() == null ? null : lab.server().settings();
    }

    @Override
    public List<String> addClients(String group, int count, Profile profile) {
        return lab.addClients(group, count, profile);
    }

    @Override
    public void removeClients(Collection<String> names) throws InterruptedException {
        lab.removeClients(names);
    }

    @Override
    public void close() throws InterruptedException {
        lab.close();
    }
}
