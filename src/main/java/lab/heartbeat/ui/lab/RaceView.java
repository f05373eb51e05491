package lab.heartbeat.ui.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lab.heartbeat.lab.FaultRecord;
import lab.heartbeat.lab.Race;
import lab.heartbeat.telemetry.Detection;

/**
 * One fault's race as the race panel shows it, read off the lab on the poller thread: immutable,
 * so the FX thread never touches the engine's objects. Times are seconds since the lab started,
 * delays milliseconds after the fault's t0.
 *
 * @param source where the race comes from: the live lab, or a scenario run's name
 */
public record RaceView(String source, int id, String kind, String backend, List<String> targets, double t0Seconds,
        double clearedSeconds, List<Entry> entries) {

    /** One end of a connection the fault hit: a detection, or an end that was none (a reset). */
    public record Entry(String client, String connection, String side, String cause, String mechanism,
            double measuredMs, double predictedMs) {

        public boolean isDetection() {
            return mechanism != null;
        }

        /** Measured minus predicted, NaN without a prediction. */
        public double errorMs() {
            return measuredMs - predictedMs;
        }

        /** What the bar chart calls it: unique within a race. */
        public String category() {
            return side + " " + cause + " · " + client;
        }
    }

    public RaceView {
        targets = List.copyOf(targets);
        entries = List.copyOf(entries);
    }

    public static RaceView of(String source, Race race, long startNanos) {
        FaultRecord f = race.fault();
        List<Entry> entries = new ArrayList<>();
        for (Detection d : race.entries()) {
            entries.add(new Entry(d.client(), d.connection(), d.side().name().toLowerCase(Locale.ROOT),
                    d.cause().label(), d.mechanism() == null ? null : d.mechanism().label(), race.measuredMs(d),
                    race.predictedMs(d)));
        }
        return new RaceView(source, f.id(), f.kind().label(), f.backend(), f.targets(),
                (f.t0Nanos() - startNanos) / 1e9, f.active() ? Double.NaN : (f.clearedNanos() - startNanos) / 1e9,
                entries);
    }

    /** Identifies the race across updates. */
    public String key() {
        return source + "#" + id;
    }

    public boolean active() {
        return Double.isNaN(clearedSeconds);
    }

    public String name() {
        return "fault-" + id;
    }

    /** The entries that were detections. */
    public List<Entry> detections() {
        return entries.stream().filter(Entry::isDetection).toList();
    }

    /** How the list of races names it. */
    public String title() {
        String on = targets.size() <= 2 ? String.join(", ", targets) : targets.get(0) + " +" + (targets.size() - 1);
        return (source.equals(LIVE) ? "" : source + ": ") + name() + " " + kind + " (" + backend + ") on " + on
                + String.format(Locale.ROOT, " at %.1f s", t0Seconds);
    }

    /** The source of races from the lab the dashboard runs on. */
    public static final String LIVE = "live";
}
