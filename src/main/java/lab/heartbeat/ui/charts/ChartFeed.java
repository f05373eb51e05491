package lab.heartbeat.ui.charts;

import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import lab.heartbeat.telemetry.EndpointView;
import lab.heartbeat.telemetry.TelemetrySnapshot;
import lab.heartbeat.telemetry.TrackNames;
import lab.heartbeat.ui.charts.ClientHistory.Column;
import lab.heartbeat.ui.lab.LabGateway;

/**
 * The charts' data: the selected clients' series, or while nothing is selected the whole lab's
 * aggregate. Runs on the poller thread: ChartFX read-locks its data sets during layout and releases
 * them only after the pulse, so a write on the FX thread could wait forever; here a write just
 * waits for the next pulse. New data sets are handed to the charts through the FX executor, once
 * per selection change.
 */
public final class ChartFeed {
    /** Charting more clients than this makes the lines unreadable; the table still shows all. */
    public static final int MAX_CHARTED = 8;
    private static final int SAMPLES_PER_SECOND = 10;

    /**
     * What the charts show after a selection change: the charted clients (none: the aggregate
     * view), how many were selected, each column's data sets in the clients' order, the phi
     * thresholds to draw, and per chart a sentence saying why it stays empty (null: it will not).
     */
    public record ChartSets(List<String> clients, int selected, Map<Column, List<DataSet>> series,
            List<Double> phiThresholds, EmptyNotes notes, LabAggregateSets aggregate) {

        /** Whether the whole lab is shown rather than clients one by one. */
        public boolean isAggregate() {
            return clients.isEmpty();
        }

        public List<DataSet> sets(Column column) {
            return series.getOrDefault(column, List.of());
        }
    }

    /** Why a chart of the charted clients stays empty; null where it will not. */
    public record EmptyNotes(String rtt, String heartbeats, String kernel) {
    }

    /** The aggregate view's data sets: the state bands' top edges, bottom band first, and the two rates. */
    public record LabAggregateSets(List<DataSet> bands, DataSet detections, DataSet reconnections) {
    }

    private record Charted(ClientHistory history, Map<Column, DoubleDataSet> sets) {
    }

    private LabGateway lab;
    private final Executor fx;
    private final Consumer<ChartSets> onSets;
    private final int capacity;
    private volatile List<String> requested = List.of();
    private volatile Duration window = Duration.ofMinutes(1);
    private volatile boolean paused;
    private List<String> applied;
    private final Map<String, Charted> charted = new LinkedHashMap<>();
    private final LabAggregate aggregate;
    private final Map<LabAggregate.Band, DoubleDataSet> bandSets = new EnumMap<>(LabAggregate.Band.class);
    private final DoubleDataSet detectionRate = set("detections per second");
    private final DoubleDataSet reconnectionRate = set("reconnections per second");
    private double[] x = new double[0];
    private double[] y = new double[0];

    public ChartFeed(LabGateway lab, Duration history, Executor fx, Consumer<ChartSets> onSets) {
        this.lab = lab;
        this.fx = fx;
        this.onSets = onSets;
        this.capacity = (int) Math.max(1, history.toSeconds() * SAMPLES_PER_SECOND);
        this.aggregate = new LabAggregate(capacity);
        for (LabAggregate.Band b : LabAggregate.Band.values()) {
            bandSets.put(b, set(b.label()));
        }
    }

    /** Called from any thread with the whole selection; takes effect on the next sample. */
    public void select(List<String> clients) {
        requested = List.copyOf(clients);
    }

    /** Charts another lab from the next sample on; call on the sampling thread. */
    public void switchTo(LabGateway next) {
        lab = next;
        charted.clear();
        aggregate.clear();
        applied = null;
    }

    public void window(Duration newWindow) {
        window = newWindow;
    }

    public void paused(boolean pause) {
        paused = pause;
    }

    /** One poll: follows the selection, appends the new sample, rewrites the data sets shown. */
    public void sample(TelemetrySnapshot snapshot) {
        double now = (snapshot.nanos() - lab.startNanos()) / 1e9;
        aggregate.sample(snapshot, now);
        List<String> wanted = requested;
        if (!wanted.equals(applied)) {
            reselect(wanted, snapshot);
        }
        for (EndpointView v : snapshot.clients()) {
            Charted c = charted.get(v.client());
            if (c != null) {
                c.history.append(v, now, snapshot.nanos());
            }
        }
        if (paused) {
            return;
        }
        double from = now - window.toMillis() / 1000.0;
        if (charted.isEmpty()) {
            writeAggregate(from);
        } else {
            charted.values().forEach(c -> write(c, from));
        }
    }

    private void reselect(List<String> wanted, TelemetrySnapshot snapshot) {
        Map<String, Charted> previous = new HashMap<>(charted);
        charted.clear();
        for (String client : wanted.subList(0, Math.min(MAX_CHARTED, wanted.size()))) {
            Charted c = previous.get(client);
            if (c == null) {
                ClientHistory h = new ClientHistory(capacity);
                lab.series(TrackNames.clientTrack(client)).ifPresent(s -> h.load(s, lab.startNanos()));
                Map<Column, DoubleDataSet> sets = new EnumMap<>(Column.class);
                for (Column column : Column.values()) {
                    sets.put(column, set(column == Column.RTT ? client : client + " " + column.name().toLowerCase()));
                }
                c = new Charted(h, sets);
                if (h.size() > 0) {
                    write(c, h.lastTime() - window.toMillis() / 1000.0);
                }
            }
            charted.put(client, c);
        }
        applied = wanted;
        Map<Column, List<DataSet>> series = new EnumMap<>(Column.class);
        for (Column column : Column.values()) {
            series.put(column, charted.values().stream().<DataSet>map(c -> c.sets.get(column)).toList());
        }
        ChartedProfiles profiles = ChartedProfiles.of(snapshot, charted.keySet(), lab.transport());
        ChartSets sets = new ChartSets(List.copyOf(charted.keySet()), wanted.size(), series,
                profiles.phiThresholds(), profiles.emptyNotes(),
                new LabAggregateSets(List.copyOf(bandSets.values()), detectionRate, reconnectionRate));
        fx.execute(() -> onSets.accept(sets));
    }

    private static DoubleDataSet set(String name) {
        return new DoubleDataSet(name, 16);
    }

    private void write(Charted c, double from) {
        ClientHistory h = c.history;
        int first = h.firstFrom(from);
        int n = h.size() - first;
        ensure(n);
        h.times(first, x);
        for (Column column : Column.values()) {
            h.values(column, first, y);
            fill(c.sets.get(column), n);
        }
    }

    private void writeAggregate(double from) {
        int first = aggregate.firstFrom(from);
        int n = aggregate.size() - first;
        ensure(n);
        aggregate.times(first, x);
        for (LabAggregate.Band b : LabAggregate.Band.values()) {
            aggregate.stackedTop(b, first, y);
            fill(bandSets.get(b), n);
        }
        aggregate.detectionRates(first, y);
        fill(detectionRate, n);
        aggregate.reconnectionRates(first, y);
        fill(reconnectionRate, n);
    }

    private void ensure(int n) {
        if (x.length < n) {
            x = new double[n];
            y = new double[n];
        }
    }

    private void fill(DoubleDataSet set, int n) {
        // set() copies under the data set's write lock, which waits while a layout holds the read lock.
        set.set(x, y, n, true);
    }
}
