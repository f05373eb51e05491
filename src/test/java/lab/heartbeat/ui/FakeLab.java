package lab.heartbeat.ui;

import lab.heartbeat.ui.lab.LabGateway;
import lab.heartbeat.ui.lab.DashboardFrame;
import lab.heartbeat.ui.lab.FaultStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lab.heartbeat.detect.Presets;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.detect.SweepParams;
import lab.heartbeat.detect.Side;
import lab.heartbeat.telemetry.Detection;
import lab.heartbeat.telemetry.DataCount;
import lab.heartbeat.telemetry.EndpointView;
import lab.heartbeat.telemetry.LabEvent;
import lab.heartbeat.telemetry.SeriesView;
import lab.heartbeat.telemetry.TelemetrySnapshot;
import lab.heartbeat.telemetry.TrackNames;
import lab.heartbeat.transport.ClientState;
import lab.heartbeat.transport.ServerSettings;

/** A lab without a network: the test says which clients exist and in which state. */
final class FakeLab implements LabGateway {
    final Map<String, Profile> clients = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    /** Each client's state; a client not named here is up. */
    final Map<String, ClientState> states = new java.util.concurrent.ConcurrentHashMap<>();
    /** Each client's DATA frames; a client not named here sent none. */
    final Map<String, DataCount> data = new java.util.concurrent.ConcurrentHashMap<>();
    final List<String> removed = new ArrayList<>();
    final List<Detection> detections = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<LabEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<lab.heartbeat.lab.FaultRecord> faults = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<SweepParams> sweeps = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The races the test made up; {@link #addRace} tells the poller a fault was made. */
    final List<lab.heartbeat.lab.Race> races = new java.util.concurrent.CopyOnWriteArrayList<>();
    final java.util.concurrent.atomic.AtomicInteger raceReads = new java.util.concurrent.atomic.AtomicInteger();
    /** Counted down when a server restart has begun; the restart then waits for {@link #restartMayEnd}. */
    final java.util.concurrent.CountDownLatch restartBegun = new java.util.concurrent.CountDownLatch(1);
    final java.util.concurrent.CountDownLatch restartMayEnd = new java.util.concurrent.CountDownLatch(1);
    volatile String restartThread;
    final java.util.concurrent.atomic.AtomicInteger closes = new java.util.concurrent.atomic.AtomicInteger();
    volatile FaultStatus faultStatus = FaultStatus.NONE;
    /** What {@link #raceVersion()} says: a test moves it as an attached lab's races would. */
    final java.util.concurrent.atomic.AtomicLong raceVersion = new java.util.concurrent.atomic.AtomicLong();
    /** Each client's connections made so far; a client not named here made one. */
    final Map<String, Long> connections = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile SweepParams sweep = Presets.teaching().sweep();
    private final long start = System.nanoTime();
    /** The telemetry's series by track, as the test put them. */
    final Map<String, SeriesView> series = new java.util.concurrent.ConcurrentHashMap<>();

    static EndpointView view(String client, String profile, ClientState state, boolean online, long sent) {
        return view(client, profile, state, online, sent, null);
    }

    static EndpointView view(String client, String profile, ClientState state, boolean online, long sent,
            Profile spec) {
        return new EndpointView(TrackNames.clientTrack(client), Side.CLIENT, client, online ? client + ":1" : null, null, profile,
                state, online, 0, 0, sent, sent, sent, sent, 0, 0, 0, 0, DataCount.NONE, 0, 0.5, 0.5, 1, 0, null, null, spec, null);
    }

    /** A view with what the test set: its DATA counts, its connections made and its phi estimate. */
    private static EndpointView with(EndpointView v, DataCount d, long made, lab.heartbeat.detect.PhiEstimate phi) {
        return new EndpointView(v.track(), v.side(), v.client(), v.connection(), v.remote(), v.profile(), v.state(),
                v.online(), v.connectedNanos(), v.lastReceivedNanos(), v.heartbeatsSent(), v.acksReceived(),
                v.framesIn(), v.framesOut(), v.bytesIn(), v.bytesOut(), v.dataIn(), v.dataOut(), d, v.misses(),
                v.rttLastMs(), v.rttMeanMs(), made, v.reconnectAttempts(), v.kernel(), v.lastDetection(),
                v.profileSpec(), phi);
    }

    static DashboardFrame frame(List<EndpointView> views) {
        return new DashboardFrame(new TelemetrySnapshot(0, views, List.of(), 0, 0), null, List.of());
    }

    @Override
    public TelemetrySnapshot snapshot() {
        List<EndpointView> views = new ArrayList<>();
        long now = now();
        synchronized (clients) {
            clients.forEach((name, p) -> {
                ClientState state = states.getOrDefault(name, ClientState.UP);
                EndpointView v = view(name, p.name(), state, state == ClientState.UP, now / 100_000_000, p);
                views.add(with(v, data.getOrDefault(name, DataCount.NONE), connections.getOrDefault(name, 1L),
                        p.phi() == null ? null
                        : new lab.heartbeat.detect.PhiEstimate(now - 500_000_000L, 1e9, 2e8, p.phi().threshold())));
            });
        }
        return new TelemetrySnapshot(now, views, List.of(), events.size(), detections.size());
    }

    /** The fake's clock: nanoseconds since it was made, so that {@link #startNanos()} is 0. */
    long now() {
        return System.nanoTime() - start;
    }

    @Override
    public Events eventsSince(long seen) {
        List<LabEvent> all = List.copyOf(events);
        return new Events(all.subList((int) Math.min(seen, all.size()), all.size()), all.size());
    }

    @Override
    public List<Detection> detectionsSince(int index) {
        List<Detection> all = List.copyOf(detections);
        return all.subList(Math.min(index, all.size()), all.size());
    }

    @Override
    public SweepParams serverSweep() {
        return sweep;
    }

    @Override
    public void updateSweep(SweepParams newSweep) {
        sweep = newSweep;
        sweeps.add(newSweep);
    }

    @Override
    public FaultStatus faultStatus() {
        return faultStatus;
    }

    @Override
    public void restartServer(java.time.Duration down) throws InterruptedException {
        restartThread = Thread.currentThread().getName();
        restartBegun.countDown();
        restartMayEnd.await();
    }

    @Override
    public List<lab.heartbeat.lab.FaultRecord> faults() {
        return List.copyOf(faults);
    }

    @Override
    public List<lab.heartbeat.lab.Race> races() {
        raceReads.incrementAndGet();
        return List.copyOf(races);
    }

    /** Adds a race (or replaces the one of the same fault) as a fault's or an end's event would. */
    void addRace(lab.heartbeat.lab.Race race) {
        races.removeIf(r -> r.fault().id() == race.fault().id());
        races.add(race);
        races.sort(java.util.Comparator.comparingInt(r -> r.fault().id()));
        events.add(LabEvent.of(now(), lab.heartbeat.telemetry.EventKind.FAULT_INJECTED, Side.CLIENT,
                race.fault().targets().get(0), null, race.fault().name()));
    }

    @Override
    public Optional<SeriesView> series(String track) {
        return Optional.ofNullable(series.get(track));
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
        closes.incrementAndGet();
    }

    @Override
    public long raceVersion() {
        return raceVersion.get();
    }
}
