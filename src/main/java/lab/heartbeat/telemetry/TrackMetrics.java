package lab.heartbeat.telemetry;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.Map;
import java.util.TreeMap;
import lab.heartbeat.detect.Side;
import lab.heartbeat.transport.ClientState;

/**
 * The metrics read from the tracks' counters at scrape time, summed by group and profile (never one
 * series per connection): one pass over the live tracks per scrape, nothing on the event loops.
 */
final class TrackMetrics implements MultiCollector {
    private final Telemetry telemetry;
    private final boolean serverHere;

    TrackMetrics(Telemetry telemetry, boolean serverHere) {
        this.telemetry = telemetry;
        this.serverHere = serverHere;
    }

    @Override
    public MetricSnapshots collect() {
        TrackTotals totals = new TrackTotals();
        Map<Labels, long[]> states = new TreeMap<>();
        telemetry.forEachTrack(stats -> {
            totals.add(stats);
            if (stats.side() == Side.CLIENT) {
                long[] byState = states.computeIfAbsent(Labels.of("group", stats.group, "profile", stats.profile),
                        k -> new long[ClientState.values().length]);
                byState[stats.state.ordinal()]++;
            }
        }, totals::add);
        Map<TrackTotals.Key, TrackTotals.Sums> sums = totals.byKey();
        return MetricSnapshots.of(
                clients(states),
                GaugeSnapshot.builder().name("heartbeat_lab_server_connections")
                        .help("Connections the embedded server holds now.")
                        .dataPoint(GaugeDataPointSnapshot.builder().value(telemetry.serverConnections()).build())
                        .build(),
                byGroupAndProfile("heartbeat_lab_heartbeats_sent", "Heartbeats the clients sent.",
                        TrackCounter.HEARTBEATS_SENT, sums),
                byGroupAndProfile("heartbeat_lab_heartbeats_acked", "Heartbeat acks the clients received.",
                        TrackCounter.HEARTBEATS_ACKED, sums),
                byGroupAndProfile("heartbeat_lab_heartbeat_misses", "Heartbeat intervals that passed with no frame.",
                        TrackCounter.HEARTBEAT_MISSES, sums),
                byGroup("heartbeat_lab_reconnects", "Reconnection attempts the clients scheduled.",
                        TrackCounter.RECONNECTS, sums),
                byGroup("heartbeat_lab_kernel_retransmits", "TCP retransmissions the kernel reported.",
                        TrackCounter.KERNEL_RETRANSMITS, sums),
                byGroup("heartbeat_lab_kernel_probes", "TCP keepalive probes the kernel sent unanswered.",
                        TrackCounter.KERNEL_PROBES, sums),
                dataFrames(sums),
                rtt(sums));
    }

    private static GaugeSnapshot clients(Map<Labels, long[]> states) {
        GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name("heartbeat_lab_clients")
                .help("Clients by group, profile and state.");
        states.forEach((labels, counts) -> {
            for (ClientState state : ClientState.values()) {
                gauge.dataPoint(GaugeDataPointSnapshot.builder().labels(labels.add("state", state.label()))
                        .value(counts[state.ordinal()]).build());
            }
        });
        return gauge.build();
    }

    private static CounterSnapshot byGroupAndProfile(String name, String help, TrackCounter counter,
            Map<TrackTotals.Key, TrackTotals.Sums> sums) {
        CounterSnapshot.Builder snapshot = CounterSnapshot.builder().name(name).help(help);
        sums.forEach((key, s) -> {
            if (key.side() == Side.CLIENT) {
                snapshot.dataPoint(CounterDataPointSnapshot.builder()
                        .labels(Labels.of("group", key.group(), "profile", key.profile())).value(s.get(counter)).build());
            }
        });
        return snapshot.build();
    }

    private static CounterSnapshot byGroup(String name, String help, TrackCounter counter,
            Map<TrackTotals.Key, TrackTotals.Sums> sums) {
        Map<String, Long> groups = new TreeMap<>();
        sums.forEach((key, s) -> {
            if (key.side() == Side.CLIENT) {
                groups.merge(key.group(), s.get(counter), Long::sum);
            }
        });
        CounterSnapshot.Builder snapshot = CounterSnapshot.builder().name(name).help(help);
        groups.forEach((group, value) -> snapshot.dataPoint(CounterDataPointSnapshot.builder()
                .labels(Labels.of("group", group)).value(value).build()));
        return snapshot.build();
    }

    private CounterSnapshot dataFrames(Map<TrackTotals.Key, TrackTotals.Sums> sums) {
        long sent = 0;
        long delivered = 0;
        long lost = 0;
        for (TrackTotals.Sums s : sums.values()) {
            sent += s.get(TrackCounter.DATA_SENT);
            delivered += s.get(TrackCounter.DATA_DELIVERED);
            lost += s.get(TrackCounter.DATA_LOST);
        }
        CounterSnapshot.Builder frames = CounterSnapshot.builder().name("heartbeat_lab_data_frames")
                .help("DATA frames written (sent) and received (delivered) by this process's ends, and,"
                        + " with the server here, the most of its clients' ever counted lost (never lower when it"
                        + " counts some late).")
                .dataPoint(CounterDataPointSnapshot.builder().labels(Labels.of("outcome", "sent")).value(sent).build())
                .dataPoint(CounterDataPointSnapshot.builder().labels(Labels.of("outcome", "delivered"))
                        .value(delivered).build());
        if (serverHere) {
            frames.dataPoint(CounterDataPointSnapshot.builder().labels(Labels.of("outcome", "lost")).value(lost).build());
        }
        return frames.build();
    }

    private static HistogramSnapshot rtt(Map<TrackTotals.Key, TrackTotals.Sums> sums) {
        Map<String, TrackTotals.Sums> groups = new TreeMap<>();
        sums.forEach((key, s) -> {
            if (key.side() == Side.CLIENT) {
                TrackTotals.Sums g = groups.computeIfAbsent(key.group(), k -> new TrackTotals.Sums());
                for (int i = 0; i < g.rttBuckets.length; i++) {
                    g.rttBuckets[i] += s.rttBuckets[i];
                }
                g.rttSumNanos[0] += s.rttSumNanos[0];
            }
        });
        HistogramSnapshot.Builder histogram = HistogramSnapshot.builder().name("heartbeat_lab_rtt_seconds")
                .help("Heartbeat round-trip times the clients measured.");
        groups.forEach((group, s) -> histogram.dataPoint(HistogramDataPointSnapshot.builder()
                .labels(Labels.of("group", group))
                .classicHistogramBuckets(ClassicHistogramBuckets.of(RttHistogram.UPPER_BOUNDS, s.rttBuckets))
                .sum(s.rttSumNanos[0] / 1e9).build()));
        return histogram.build();
    }
}
