package lab.heartbeat.telemetry;

import io.netty.util.concurrent.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import lab.heartbeat.detect.Cause;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.detect.Side;
import lab.heartbeat.transport.ClientState;
import lab.heartbeat.transport.Closure;
import lab.heartbeat.transport.ConnectionId;
import lab.heartbeat.transport.ConnectionObserver;
import lab.heartbeat.transport.TrackedThreads;
import lab.heartbeat.transport.TransportListener;

/**
 * The lab's telemetry: per-track counters written by the event loops, a sampler that copies them
 * into bounded time series at a fixed rate, the event log, and every detection. Readers take
 * immutable snapshots; nothing here ever calls back into the network or the UI.
 */
public final class Telemetry implements TransportListener, AutoCloseable {
    /** About 320 B each, so some 16 MB at most; a race reads ends of the last minutes, not of the last week. */
    static final int MAX_ENDS = 50_000;

    private final TelemetryConfig config;
    private final Ticker ticker;
    private final TimeBase timeBase;
    private final EventLog events;
    private final TrackRegistry tracks;
    private final RecentRecords<Detection> ends = new RecentRecords<>(MAX_ENDS);
    private final RecentRecords<Detection> detections = new RecentRecords<>(MAX_ENDS);
    private final DataLedger data = new DataLedger();
    private volatile Function<Detection, Reference> references = Reference::lastFrame;
    private final AtomicLong detectionCount = new AtomicLong();
    private final ScheduledExecutorService sampler;
    private final TrackedThreads samplerThreads = new TrackedThreads("telemetry-sampler");

    public Telemetry(TelemetryConfig config, Ticker ticker) {
        this(config, ticker, new TimeBase(ticker.nanoTime(), Instant.now()));
    }

    public Telemetry(TelemetryConfig config, Ticker ticker, TimeBase timeBase) {
        this.config = config;
        this.ticker = ticker;
        this.timeBase = timeBase;
        this.events = new EventLog(config.eventWindow());
        this.tracks = new TrackRegistry(this, config, ticker);
        // Counters only (the headless agents): nothing to sample, so no sampler thread at all.
        this.sampler = config.historySamples() == 0 ? null : Executors.newSingleThreadScheduledExecutor(samplerThreads);
        if (sampler != null) {
            long period = config.sampleInterval().toNanos();
            sampler.scheduleAtFixedRate(tracks::sample, period, period, TimeUnit.NANOSECONDS);
        }
    }

    public TelemetryConfig config() {
        return config;
    }

    public EventLog events() {
        return events;
    }

    public long startNanos() {
        return timeBase.startNanos();
    }

    public TimeBase timeBase() {
        return timeBase;
    }

    public long now() {
        return ticker.nanoTime();
    }

    /** Registers a client of a group before it connects, so its track exists from the start. */
    public void clientAdded(String client, String group, Profile profile) {
        clientAdded(client, group, profile.name(), profile);
    }

    /** Registers a client known by its profile's name only (a peer the lab did not configure). */
    public void clientAdded(String client, String profile) {
        clientAdded(client, EndpointStats.UNGROUPED, profile, null);
    }

    /** The track is complete, its group and profile included, before any reader can see it. */
    private void clientAdded(String client, String group, String profile, Profile spec) {
        tracks.addClient(client, stats -> {
            stats.group = group;
            stats.profile = profile;
            stats.profileSpec = spec;
        });
        append(LabEvent.of(now(), EventKind.CLIENT_ADDED, Side.CLIENT, client, null, "profile " + profile));
    }

    public void clientRemoved(String client) {
        if (tracks.removeClient(client)) {
            append(LabEvent.of(now(), EventKind.CLIENT_REMOVED, Side.CLIENT, client, null, null));
        }
    }

    /** Records something the lab did (a timeline action, a fault), in the same log as the network's events. */
    public void action(EventKind kind, String target, String detail) {
        append(LabEvent.of(now(), kind, null, target, null, detail));
    }

    @Override
    public ConnectionObserver connectionOpened(ConnectionId id, String remoteAddress, long nanos) {
        EndpointStats stats = tracks.opened(id);
        stats.opened(id, remoteAddress);
        return stats;
    }

    void connected(EndpointStats stats, long nanos) {
        append(LabEvent.of(nanos, EventKind.CONNECTED, stats.side(), stats.client, stats.connection, stats.remote));
    }

    void named(EndpointStats stats) {
        append(LabEvent.of(now(), EventKind.STATE_CHANGED, stats.side(), stats.client, stats.connection,
                "named by HELLO"));
    }

    void closed(EndpointStats stats, Closure closure) {
        Cause cause = closure.cause();
        Detection end = new Detection(closure.atNanos(), stats.side(), stats.client, stats.connection, cause,
                stats.connectedNanos, closure.lastReceivedNanos(), closure.predicted(), closure.kernel(),
                closure.reason());
        ends.add(end);
        if (end.isDetection()) {
            detections.add(end);
            detectionCount.incrementAndGet();
            stats.lastDetection = end;
            Reference ref = references.apply(end);
            boolean known = end.hasPrediction();
            append(new LabEvent(closure.atNanos(), EventKind.DETECTED, stats.side(), stats.client, stats.connection,
                    cause, closure.reason(), Math.round(end.measuredMsAfter(ref.nanos())),
                    known ? Math.round(end.predictedMsAfter(ref.nanos())) : null, null, null, null, ref.name(),
                    known ? Math.round(end.predictedLoMsAfter(ref.nanos())) : null,
                    known ? Math.round(end.predictedHiMsAfter(ref.nanos())) : null));
        } else if (cause == Cause.PROTOCOL_ERROR) {
            append(new LabEvent(closure.atNanos(), EventKind.PROTOCOL_ERROR, stats.side(), stats.client,
                    stats.connection, cause, closure.reason(), null, null, null, null, null, null));
        }
        append(new LabEvent(closure.atNanos(), EventKind.DISCONNECTED, stats.side(), stats.client, stats.connection,
                cause, closure.reason(), null, null, null, null, null, null));
        tracks.closed(stats);
    }

    DataLedger.Entry dataSentOn(EndpointStats client) {
        return data.open(client.client, client.connection, client.connectedNanos, client.dataDelivered);
    }

    DataLedger.Entry dataOf(EndpointStats server) {
        return data.find(server.connection, server.client);
    }

    /** Every connection that carried DATA (the latest {@value DataLedger#MAX_CONNECTIONS}), oldest first. */
    public List<ConnectionData> dataByConnection() {
        return data.views();
    }

    /** Sets how detections find their reference; the lab attaches them to faults this way. */
    public void referTo(Function<Detection, Reference> resolver) {
        this.references = resolver;
    }

    @Override
    public void clientStateChanged(String client, ClientState state, long nanos) {
        EndpointStats stats = tracks.client(client);
        if (stats != null) {
            stats.state = state;
        }
    }

    @Override
    public void reconnectScheduled(String client, int attempt, Duration delay, String lastError, long nanos) {
        EndpointStats stats = tracks.client(client);
        if (stats != null) {
            stats.reconnectAttempts++;
        }
        append(new LabEvent(nanos, EventKind.RECONNECT_ATTEMPT, Side.CLIENT, client, null, null, lastError, null, null,
                attempt, delay.toMillis(), null, null));
    }

    @Override
    public void serverStarted(int port, String transport, long nanos) {
        append(new LabEvent(nanos, EventKind.SERVER_STARTED, Side.SERVER, null, null, null,
                "listening on port " + port + " (" + transport + ")", null, null, null, null, port, null));
    }

    @Override
    public void serverStopped(int port, long nanos) {
        append(new LabEvent(nanos, EventKind.SERVER_STOPPED, Side.SERVER, null, null, null, "port " + port, null, null,
                null, null, port, null));
    }

    @Override
    public void unsupported(String client, String what, long nanos) {
        append(LabEvent.of(nanos, EventKind.UNSUPPORTED, Side.CLIENT, client, null, what));
    }

    @Override
    public void connectionRefused(String remoteAddress, String reason, long nanos) {
        append(LabEvent.of(nanos, EventKind.CONNECTION_REFUSED, Side.SERVER, null, remoteAddress, reason));
    }

    @Override
    public void acceptFailed(String reason, Duration retryIn, long nanos) {
        append(new LabEvent(nanos, EventKind.ACCEPT_FAILED, Side.SERVER, null, null, null, reason, null, null, null,
                retryIn.toMillis(), null, null));
    }

    private void append(LabEvent event) {
        events.append(event);
    }

    /** The counters of every track gone and of every live track, for the metrics export. */
    void forEachTrack(Consumer<EndpointStats> live, Consumer<TrackTotals> gone) {
        tracks.forEachTrack(live, gone);
    }

    int serverConnections() {
        return tracks.serverConnections();
    }

    /** When each client that is connected now connected: what a race needs, without a whole snapshot. */
    public Map<String, Long> connectedSince() {
        return tracks.connectedSince();
    }

    public TelemetrySnapshot snapshot() {
        return new TelemetrySnapshot(now(), tracks.clientViews(), tracks.serverViews(), events.appendedCount(),
                detectionCount.get());
    }

    public Optional<EndpointView> client(String name) {
        return Optional.ofNullable(tracks.client(name)).map(EndpointStats::view);
    }

    /** The detections kept (the most recent), in the order they happened. */
    public List<Detection> detections() {
        return detectionsSince(0);
    }

    /**
     * The detections after the first {@code index} ever recorded, for a reader that keeps up; only
     * the most recent {@value #MAX_ENDS} are kept.
     */
    public List<Detection> detectionsSince(int index) {
        return detections.since(index);
    }

    /**
     * The ends of connections after the first {@code index} ever recorded, for a reader that keeps
     * up; only the most recent {@value #MAX_ENDS} are kept.
     */
    public List<Detection> endsSince(int index) {
        return ends.since(index);
    }

    /** The ends of connections kept (detections, resets, closes; the most recent), in the order they happened. */
    public List<Detection> ends() {
        return ends.all();
    }

    /** How many of the oldest ends were dropped to keep memory bounded. */
    public long endsDropped() {
        return ends.dropped();
    }

    /** The time series of every track still retained (live and recently closed), for export. */
    public List<SeriesView> allSeries() {
        return tracks.allSeries();
    }

    /** One track's time series (for example {@code client/hb-1}), if it is still retained. */
    public Optional<SeriesView> series(String track) {
        return tracks.series(track);
    }

    @Override
    public void close() throws InterruptedException {
        if (sampler != null) {
            sampler.shutdownNow();
            sampler.awaitTermination(5, TimeUnit.SECONDS);
        }
        samplerThreads.joinAll(5, TimeUnit.SECONDS);
        events.close();
    }
}
