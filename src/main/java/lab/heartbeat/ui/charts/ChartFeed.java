package lab.heartbeat.ui.charts;

import lab.heartbeat.ui.lab.LabGateway;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import lab.heartbeat.telemetry.EndpointView;
import lab.heartbeat.telemetry.TelemetrySnapshot;
import lab.heartbeat.ui.charts.ClientHistory.Column;

/**
 * The charts' data for the selected clients. Runs on the poller thread: ChartFX read-locks its data
 * sets during layout and releases them only after the pulse, so a write on the FX thread could wait
 * forever; here a write just waits for the next pulse. New data sets are handed to the charts
 * through the FX executor, once per selection change.
 */
public final class ChartFeed {
    /** Charting more clients than this makes the lines unreadable; the table still shows all. */
    public static final int MAX_CHARTED = 8;
    private static final int SAMPLES_PER_SECOND = 10;

    /** The data sets of each chart, one or more per charted client. */
    public record ChartSets(List<DataSet> rtt, List<DataSet> counters, List<DataSet> misses, List<DataSet> kernel) {
    }

    private record Charted(ClientHistory history, DoubleDataSet rtt, DoubleDataSet sent, DoubleDataSet acked,
            DoubleDataSet misses, DoubleDataSet probes, DoubleDataSet retransmits, DoubleDataSet unacked) {
    }

    private LabGateway lab;
    private final Executor fx;
    private final Consumer<ChartSets> onSets;
    private final int capacity;
    private volatile List<String> requested = List.of();
    private volatile Duration window = Duration.ofMinutes(1);
    private volatile boolean paused;
    private List<String> applied = List.of();
    private final Map<String, Charted> charted = new LinkedHashMap<>();
    private double[] x = new double[0];
    private double[] y = new double[0];

    public ChartFeed(LabGateway lab, Duration history, Executor fx, Consumer<ChartSets> onSets) {
        this.lab = lab;
        this.fx = fx;
        this.onSets = onSets;
        this.capacity = (int) Math.max(1, history.toSeconds() * SAMPLES_PER_SECOND);
    }

    /** Called from any thread; takes effect on the next sample. */
    public void select(List<String> clients) {
        requested = List.copyOf(clients.subList(0, Math.min(MAX_CHARTED, clients.size())));
    }

    /** Charts another lab from the next sample on; call on the sampling thread. */
    public void switchTo(LabGateway next) {
        lab = next;
        charted.clear();
        applied = null;
    }

    public void window(Duration newWindow) {
        window = newWindow;
    }

    public void paused(boolean pause) {
        paused = pause;
    }

    /** One poll: follows the selection, appends the new sample, rewrites the data sets. */
    public void sample(TelemetrySnapshot snapshot) {
        List<String> wanted = requested;
        if (!wanted.equals(applied)) {
            reselect(wanted);
        }
        if (charted.isEmpty()) {
            return;
        }
        double now = (snapshot.nanos() - lab.startNanos()) / 1e9;
        for (EndpointView v : snapshot.clients()) {
            Charted c = charted.get(v.client());
            if (c != null) {
                c.history.append(v, now);
            }
        }
        if (!paused) {
            double from = now - window.toMillis() / 1000.0;
            charted.values().forEach(c -> write(c, from));
        }
    }

    private void reselect(List<String> wanted) {
        Map<String, Charted> previous = new HashMap<>(charted);
        charted.clear();
        for (String client : wanted) {
            Charted c = previous.get(client);
            if (c == null) {
                ClientHistory h = new ClientHistory(capacity);
                lab.series("client/" + client).ifPresent(s -> h.load(s, lab.startNanos()));
                c = new Charted(h, set(client), set(client + " sent"), set(client + " acked"),
                        set(client + " misses"), set(client + " probes"), set(client + " retransmits"),
                        set(client + " unacked"));
                if (h.size() > 0) {
                    write(c, h.lastTime() - window.toMillis() / 1000.0);
                }
            }
            charted.put(client, c);
        }
        applied = wanted;
        List<DataSet> rtt = new ArrayList<>();
        List<DataSet> counters = new ArrayList<>();
        List<DataSet> misses = new ArrayList<>();
        List<DataSet> kernel = new ArrayList<>();
        for (Charted c : charted.values()) {
            rtt.add(c.rtt);
            counters.add(c.sent);
            counters.add(c.acked);
            misses.add(c.misses);
            kernel.add(c.probes);
            kernel.add(c.retransmits);
            kernel.add(c.unacked);
        }
        ChartSets sets = new ChartSets(List.copyOf(rtt), List.copyOf(counters), List.copyOf(misses),
                List.copyOf(kernel));
        fx.execute(() -> onSets.accept(sets));
    }

    private static DoubleDataSet set(String name) {
        return new DoubleDataSet(name, 16);
    }

    private void write(Charted c, double from) {
        ClientHistory h = c.history;
        int first = h.firstFrom(from);
        int n = h.size() - first;
        if (x.length < n) {
            x = new double[n];
            y = new double[n];
        }
        h.times(first, x);
        fill(c.rtt, h, Column.RTT, first, n);
        fill(c.sent, h, Column.SENT, first, n);
        fill(c.acked, h, Column.ACKED, first, n);
        fill(c.misses, h, Column.MISSES, first, n);
        fill(c.probes, h, Column.PROBES, first, n);
        fill(c.retransmits, h, Column.RETRANSMITS, first, n);
        fill(c.unacked, h, Column.UNACKED, first, n);
    }

    private void fill(DoubleDataSet set, ClientHistory h, Column column, int first, int n) {
        h.values(column, first, y);
        // set() copies under the data set's write lock, which waits while a layout holds the read lock.
        set.set(x, y, n, true);
    }
}
