package lab.heartbeat.ui.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lab.heartbeat.lab.FaultRecord;
import lab.heartbeat.lab.Race;
import lab.heartbeat.lab.RaceGroups;
import lab.heartbeat.telemetry.Detection;

/**
 * One fault's race as the race panel shows it, read off the lab on the poller thread: immutable,
 * so the FX thread never touches the engine's objects. Times are seconds since the lab started,
 * delays milliseconds after the fault's t0.
 *
 * @param source        where the race comes from: the live lab, or a scenario run's name
 * @param recoveries    when each target client was connected again, ms after t0
 * @param groups        the ends by side and mechanism or cause, in the order of their first end
 * @param reconnections each client group's way back
 */
public record RaceSnapshot(String source, int id, String kind, String backend, List<String> targets, double t0Seconds,
        double clearedSeconds, List<Entry> entries, Map<String, Double> recoveries, List<RaceGroups.Ends> groups,
        List<Race.GroupRecovery> reconnections) {

    /**
     * One end of a connection the fault hit: a detection, or an end that was none (a reset). The
     * prediction is a point ({@code predictedLoMs == predictedHiMs}) or a kernel timer's window.
     *
     * @param group the end's group in {@link RaceSnapshot#groups()}
     */
    public record Entry(String client, String connection, String side, String cause, String mechanism,
            double measuredMs, double predictedMs, double predictedLoMs, double predictedHiMs, String group) {


        public boolean isDetection() {
            return mechanism != null;
        }

        /** Measured minus predicted, NaN without a prediction. */
        public double errorMs() {
            return measuredMs - predictedMs;
        }

        public boolean hasPrediction() {
            return !Double.isNaN(predictedMs);
        }

        /** Whether theory allows a span (a kernel timer) rather than one instant. */
        public boolean predictsWindow() {
            return predictedHiMs > predictedLoMs;
        }
    }

    public RaceSnapshot {
        targets = List.copyOf(targets);
        entries = List.copyOf(entries);
        recoveries = Map.copyOf(recoveries);
        groups = List.copyOf(groups);
        reconnections = List.copyOf(reconnections);
    }

    public static RaceSnapshot of(String source, Race race, long startNanos) {
        FaultRecord f = race.fault();
        long t0 = f.t0Nanos();
        List<Entry> entries = new ArrayList<>();
        for (Detection d : race.entries()) {
            entries.add(new Entry(d.client(), d.connection(), d.side().label(), d.cause().label(),
                    d.mechanism() == null ? null : d.mechanism().label(), race.measuredMs(d), race.predictedMs(d),
                    d.predictedLoMsAfter(t0), d.predictedHiMsAfter(t0), RaceGroups.key(d)));
        }
        Map<String, Double> recoveries = new LinkedHashMap<>();
        race.recoveries().forEach((client, at) -> recoveries.put(client, (at - t0) / 1e6));
        return new RaceSnapshot(source, f.id(), f.kind().label(), f.backend(), f.targets(), (t0 - startNanos) / 1e9,
                f.active() ? Double.NaN : (f.clearedNanos() - startNanos) / 1e9, entries, recoveries,
                RaceGroups.ends(race), race.recoveriesByGroup());
    }

    /** Identifies the race across updates. */
    public String key() {
        return source + "#" + id;
    }

    public boolean active() {
        return Double.isNaN(clearedSeconds);
    }

    /** When the fault was cleared (a plug-in, the server back), ms after t0; NaN while it lasts. */
    public double clearedMs() {
        return (clearedSeconds - t0Seconds) * 1000;
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
