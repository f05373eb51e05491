package lab.heartbeat.ui.charts;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import lab.heartbeat.telemetry.Detection;
import lab.heartbeat.ui.lab.RaceSnapshot;

/**
 * The charts' view model: their time window, whether they are paused, which clients they plot and
 * the markers on their time axis. It knows no node.
 */
public final class ChartsViewModel {
    /** Detections kept for the charts' markers. */
    public static final int MARKERS = 50;
    public static final List<Duration> WINDOWS = List.of(Duration.ofSeconds(30), Duration.ofMinutes(1),
            Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10));

    private final List<String> selection;
    private final ObjectProperty<Duration> window = new SimpleObjectProperty<>(this, "window", Duration.ofMinutes(1));
    private final BooleanProperty paused = new SimpleBooleanProperty(this, "paused");
    private final ArrayDeque<Detection> recentDetections = new ArrayDeque<>();
    private List<RaceSnapshot> faults = List.of();
    private long startNanos;
    private double latestSeconds;

    /** @param selection the clients selected in the table (a live list) */
    public ChartsViewModel(List<String> selection, long startNanos) {
        this.selection = selection;
        this.startNanos = startNanos;
    }

    /** Another lab is shown: its markers start afresh. */
    public void reset(long labStartNanos) {
        startNanos = labStartNanos;
        recentDetections.clear();
        faults = List.of();
    }

    /**
     * Takes one frame's news.
     *
     * @param races the shown lab's races, or null when they did not change
     */
    public void apply(long sampleNanos, List<Detection> newDetections, List<RaceSnapshot> races) {
        latestSeconds = (sampleNanos - startNanos) / 1e9;
        for (Detection d : newDetections) {
            recentDetections.addLast(d);
            if (recentDetections.size() > MARKERS) {
                recentDetections.removeFirst();
            }
        }
        if (races != null) {
            faults = races;
        }
    }

    /** The clients the charts show one by one: the selection (none: the charts show the whole lab). */
    public List<String> chartedClients() {
        return List.copyOf(selection);
    }

    /**
     * The markers on the charts' time axis: the faults on the charted clients and their recent
     * detections; while the whole lab is charted, every fault and no detection (the rate chart
     * shows them, and a line per detection of a storm would bury the plot).
     */
    public List<ChartMarker> chartMarkers() {
        Set<String> charted = new HashSet<>(selection);
        List<ChartMarker> markers = new ArrayList<>();
        // Faults over before the window shows are left out: a long lab's every fault, rebuilt and
        // compared at each tick and laid out on each chart, for shading no one sees.
        double shownFrom = latestSeconds - window.get().toMillis() / 1000.0;
        for (RaceSnapshot r : faults) {
            if (!r.active() && r.clearedSeconds() < shownFrom) {
                continue;
            }
            if (charted.isEmpty() || r.targets().stream().anyMatch(charted::contains)) {
                // A fault still on ends at the latest sample, in half seconds so the shading is not redrawn every tick.
                double to = r.active() ? Math.max(r.t0Seconds(), Math.ceil(latestSeconds * 2) / 2) : r.clearedSeconds();
                markers.add(ChartMarker.fault(r.t0Seconds(), to, r.name() + " " + r.kind()));
            }
        }
        for (Detection d : recentDetections) {
            if (charted.contains(d.client())) {
                markers.add(ChartMarker.of(d, startNanos, charted.size() > 1));
            }
        }
        return markers;
    }

    public ObjectProperty<Duration> windowProperty() {
        return window;
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }
}
