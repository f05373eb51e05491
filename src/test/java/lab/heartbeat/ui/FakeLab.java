package lab.heartbeat.ui;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lab.heartbeat.detect.Presets;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.detect.Side;
import lab.heartbeat.telemetry.Detection;
import lab.heartbeat.telemetry.EndpointView;
import lab.heartbeat.telemetry.LabEvent;
import lab.heartbeat.telemetry.SeriesView;
import lab.heartbeat.telemetry.TelemetrySnapshot;
import lab.heartbeat.transport.ClientState;
import lab.heartbeat.transport.ServerSettings;

/** A lab without a network: the test says which clients exist and in which state. */
final class FakeLab implements LabGateway {
    final Map<String, Profile> clients = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    final List<String> removed = new ArrayList<>();
    final List<Detection> detections = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final long start = System.nanoTime();

    static EndpointView view(String client, String profile, ClientState state, boolean online, long sent) {
        return new EndpointView("client/" + client, Side.CLIENT, client, online ? client + ":1" : null, null, profile,
                state, online, 0, 0, sent, sent, sent, sent, 0, 0, 0, 0, 0, 0.5, 0.5, 1, 0, null, null, null);
    }

    static DashboardFrame frame(List<EndpointView> views) {
        return new DashboardFrame(new TelemetrySnapshot(0, views, List.of(), 0, 0), null, List.of());
    }

    @Override
    public TelemetrySnapshot snapshot() {
        List<EndpointView> views = new ArrayList<>();
        long now = now();
        clients.forEach((name, p) -> views.add(view(name, p.name(), ClientState.UP, true, now / 100_000_000)));
        return new TelemetrySnapshot(now, views, List.of(), 0, detections.size());
    }

    /** The fake's clock: nanoseconds since it was made, so that {@link #startNanos()} is 0. */
    long now() {
        return System.nanoTime() - start;
    }

    @Override
    public List<LabEvent> recentEvents() {
        return List.of();
    }

    @Override
    public List<Detection> detectionsFrom(int index) {
        return List.copyOf(detections.subList(index, detections.size()));
    }

    @Override
    public Optional<SeriesView> series(String track) {
        return Optional.empty();
    }

    @Override
    public long startNanos() {
        return 0;
    }

    @Override
    public String transport() {
        return "fake";
    }

    @Override
    public int port() {
        return 4242;
    }

    @Override
    public ServerSettings serverSettings() {
        return ServerSettings.defaults().withSweep(Presets.teaching().sweep());
    }

    @Override
    public List<String> addClients(String group, int count, Profile profile) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = group + "-" + (clients.size() + 1);
            clients.put(name, profile);
            names.add(name);
        }
        return names;
    }

    @Override
    public void removeClients(Collection<String> names) {
        names.forEach(clients::remove);
        removed.addAll(names);
    }

    @Override
    public void close() {
    }
}
