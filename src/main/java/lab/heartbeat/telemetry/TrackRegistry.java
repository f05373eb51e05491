package lab.heartbeat.telemetry;

import io.netty.util.concurrent.Ticker;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import lab.heartbeat.detect.Side;
import lab.heartbeat.transport.ConnectionId;

/**
 * Every track of the telemetry: one per client, one per server connection while it is up, and the
 * recently closed ones, whose series stay readable; the sampler copies the live ones into their series.
 */
final class TrackRegistry {
    private final Telemetry owner;
    private final TelemetryConfig config;
    private final Ticker ticker;
    private final TickClock tickClock;
    private final Map<String, EndpointStats> clients = new ConcurrentHashMap<>();
    private final Map<EndpointStats, Boolean> serverOnline = new ConcurrentHashMap<>();
    private final ArrayDeque<EndpointStats> retired = new ArrayDeque<>();
    /** What the tracks gone from the live maps had counted, so that totals over the live ones never go down. */
    private final TrackTotals departed = new TrackTotals();
    private final AtomicLong serverSequence = new AtomicLong();
    /** The sampler thread's one row, copied into each track's ring: no allocation per track and tick. */
    private final float[] row = new float[Series.values().length];

    TrackRegistry(Telemetry owner, TelemetryConfig config, Ticker ticker) {
        this.owner = owner;
        this.config = config;
        this.ticker = ticker;
        this.tickClock = new TickClock(Math.max(1, config.historySamples()));
    }

    private EndpointStats newClient(String client) {
        return new EndpointStats(owner, Side.CLIENT, client, TrackNames.clientTrack(client), config.historySamples());
    }

    /** A new client's track, complete before any reader can see it. */
    EndpointStats addClient(String client, Consumer<EndpointStats> complete) {
        EndpointStats stats = newClient(client);
        complete.accept(stats);
        clients.put(client, stats);
        return stats;
    }

    /** Removes a client's track and keeps its series for a while; false if there was none. */
    boolean removeClient(String client) {
        EndpointStats stats = clients.remove(client);
        if (stats == null) {
            return false;
        }
        departed.add(stats);
        retire(stats);
        return true;
    }

    EndpointStats client(String client) {
        return clients.get(client);
    }

    /** The track of a connection just opened: its client's, or a new one for a server connection. */
    EndpointStats opened(ConnectionId id) {
        if (id.side() == Side.CLIENT) {
            return clients.computeIfAbsent(id.client(), this::newClient);
        }
        String track = TrackNames.serverTrack(id, serverSequence.incrementAndGet());
        EndpointStats stats = new EndpointStats(owner, Side.SERVER, id.client(), track,
                config.serverSeries() ? config.historySamples() : 0);
        serverOnline.put(stats, Boolean.TRUE);
        return stats;
    }

    /** A server connection's track leaves the live ones when its connection closes. */
    void closed(EndpointStats stats) {
        if (stats.side() == Side.SERVER && serverOnline.remove(stats) != null) {
            departed.add(stats);
            retire(stats);
        }
    }

    private void retire(EndpointStats stats) {
        synchronized (retired) {
            stats.retiredNanos = ticker.nanoTime();
            retired.addLast(stats);
            while (retired.size() > config.retiredTracks()) {
                retired.removeFirst();
            }
        }
    }

    void sample() {
        long tick = tickClock.next(ticker.nanoTime());
        for (EndpointStats s : clients.values()) {
            s.sampleInto(row);
            s.series.append(tick, row);
        }
        if (config.serverSeries()) {
            for (EndpointStats s : serverOnline.keySet()) {
                s.sampleInto(row);
                s.series.append(tick, row);
            }
        }
    }

    /**
     * The counters of every track gone and of every live track, for the metrics export. A track
     * leaves the live maps before it joins the departed, and the departed are read first: a track
     * leaving meanwhile may be missed by one reading, never counted twice (a total that then went
     * down would look like a restart to Prometheus).
     */
    void forEachTrack(Consumer<EndpointStats> live, Consumer<TrackTotals> gone) {
        gone.accept(departed);
        clients.values().forEach(live);
        serverOnline.keySet().forEach(live);
    }

    int serverConnections() {
        return serverOnline.size();
    }

    Map<String, Long> connectedSince() {
        Map<String, Long> since = new HashMap<>();
        clients.forEach((name, c) -> {
            if (c.online) {
                since.put(name, c.connectedNanos);
            }
        });
        return since;
    }

    List<EndpointView> clientViews() {
        return clients.values().stream().map(EndpointStats::view).sorted(Comparator.comparing(EndpointView::client))
                .toList();
    }

    List<EndpointView> serverViews() {
        return serverOnline.keySet().stream().map(EndpointStats::view)
                .sorted(Comparator.comparing(EndpointView::connection)).toList();
    }

    List<SeriesView> allSeries() {
        List<EndpointStats> tracks = new ArrayList<>(clients.values());
        tracks.addAll(serverOnline.keySet());
        synchronized (retired) {
            tracks.addAll(retired);
        }
        List<SeriesView> views = new ArrayList<>();
        for (EndpointStats s : tracks) {
            if (s.series != null && s.series.size() > 0) {
                views.add(s.series.view(s.track(), tickClock));
            }
        }
        views.sort(Comparator.comparing(SeriesView::track));
        return views;
    }

    Optional<SeriesView> series(String track) {
        String client = TrackNames.clientOf(track);
        EndpointStats found = client == null ? null : clients.get(client);
        if (found == null) {
            found = serverOnline.keySet().stream().filter(s -> s.track().equals(track)).findFirst().orElse(null);
        }
        if (found == null) {
            synchronized (retired) {
                found = retired.stream().filter(s -> s.track().equals(track)).reduce((a, b) -> b).orElse(null);
            }
        }
        if (found == null || found.series == null || found.series.size() == 0) {
            return Optional.empty();
        }
        return Optional.of(found.series.view(found.track(), tickClock));
    }
}
