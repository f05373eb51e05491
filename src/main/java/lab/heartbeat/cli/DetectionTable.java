package lab.heartbeat.cli;

import java.util.ArrayList;
import java.util.List;
import lab.heartbeat.fault.FaultKind;
import lab.heartbeat.lab.EventFormat;
import lab.heartbeat.lab.FaultRecord;
import lab.heartbeat.lab.Race;
import lab.heartbeat.lab.RaceGroups;
import lab.heartbeat.lab.RunResult;
import lab.heartbeat.telemetry.Detection;

/** A run's races and detections as plain-text tables; large races are summed up per kind of end. */
final class DetectionTable {
    /** Above this many entries a race is shown as one line per side and mechanism or cause. */
    private static final int ROWS_IN_FULL = 16;

    private static final String DROP_TO_CLIENT_NOTE = "  note: a one-way drop toward a client silences the client"
            + " too: one RTO after the fault its TCP resends only its oldest unacknowledged segment, so the"
            + " server hears nothing new and sweeps it\n";

    private DetectionTable() {
    }

    static String format(RunResult result) {
        StringBuilder s = new StringBuilder();
        s.append(String.format("%nRun of '%s': namespace %s, fault backend %s%n", result.plan().scenario().name(),
                result.namespace(), result.faultBackend()));
        s.append("  ").append(result.faultNote()).append('\n');
        if (!result.faultLimitation().isEmpty()) {
            s.append("  note: ").append(result.faultLimitation()).append('\n');
        }
        // By identity, in a set: a storm's race has thousands of ends, each looked up once.
        java.util.Set<Detection> attached = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Race race : result.races()) {
            FaultRecord f = race.fault();
            s.append(String.format("%nRace of %s: %s (%s) on %s, t0 = %.3f s%s%n", f.name(), f.kind().label(),
                    f.backend(), targets(race), result.time().msSinceStart(f.t0Nanos()) / 1000,
                    f.active() ? "" : String.format(", cleared at %.3f s",
                            result.time().msSinceStart(f.clearedNanos()) / 1000)));
            attached.addAll(race.entries());
            if (race.entries().isEmpty()) {
                s.append("  nothing noticed\n");
            } else if (race.entries().size() <= ROWS_IN_FULL) {
                header(s, "after t0");
                for (Detection d : race.entries()) {
                    row(s, d, f.t0Nanos());
                }
            } else {
                summary(s, race);
            }
            if (f.kind() == FaultKind.DROP_TO_CLIENT && "kernel".equals(f.backend())) {
                s.append(DROP_TO_CLIENT_NOTE);
            }
            relayed(s, race);
            race.recoveriesByGroup().forEach(g -> s.append("  ").append(g.describe()).append('\n'));
            s.append(DataSummary.line("DATA on the connections it hit", result.dataHitBy(f)));
        }
        List<Detection> others = result.detections().stream().filter(d -> !attached.contains(d)).toList();
        String data = DataSummary.line("DATA over the run", result.data());
        if (!data.isEmpty()) {
            s.append('\n').append(data);
        }
        s.append(String.format("%nDetections outside any fault: %d%s%n", others.size(),
                others.isEmpty() ? "" : " (delays after the last frame received)"));
        if (!others.isEmpty()) {
            header(s, "after the last frame");
            for (Detection d : others) {
                row(s, d, d.lastReceivedNanos());
            }
        }
        return s.toString();
    }

    private static String targets(Race race) {
        var groups = race.targetsByGroup();
        if (race.fault().targets().size() <= 6) {
            return race.fault().targets().toString();
        }
        List<String> parts = new ArrayList<>();
        groups.forEach((g, clients) -> parts.add(g + " (" + clients.size() + ")"));
        return race.fault().targets().size() + " clients: " + String.join(", ", parts);
    }

    private static void summary(StringBuilder s, Race race) {
        s.append(String.format("  %-32s %6s %10s %10s %10s %10s   (ms after t0)%n", "side, mechanism / cause", "count",
                "first", "median", "last", "worst err"));
        for (RaceGroups.Ends g : RaceGroups.ends(race)) {
            String kind = g.side() + " " + (g.detection() ? g.what() : "(" + g.what() + ")");
            s.append(String.format("  %-32s %6d %10.1f %10.1f %10.1f %10s%n", kind, g.count(), g.firstMs(),
                    g.medianMs(), g.lastMs(),
                    Double.isNaN(g.worstErrorMs()) ? "-" : String.format("%.1f", g.worstErrorMs())));
        }
    }

    private static void relayed(StringBuilder s, Race race) {
        List<String> again = race.entries().stream().filter(race::reconnectedDuringFault).map(Detection::connection)
                .map(EventFormat::printable).distinct().toList();
        if (!again.isEmpty()) {
            s.append("  reconnected to the relay during the fault, and cut again: ").append(String.join(", ", again))
                    .append('\n');
        }
    }

    private static void header(StringBuilder s, String reference) {
        s.append(String.format("  %-22s %-6s %-22s %10s %10s %8s %15s   (ms %s)%n", "connection", "side",
                "mechanism / cause", "measured", "predicted", "error", "timer window", reference));
    }

    /** One end, its delays counted from {@code reference}; kernel timers also show the window the timer wheel allows. */
    private static void row(StringBuilder s, Detection d, long reference) {
        String what = d.isDetection() ? d.mechanism().label() : "(" + d.cause().label() + ")";
        double measured = d.measuredMsAfter(reference);
        double predicted = d.predictedMsAfter(reference);
        String window = d.predicted().isWindow() ? String.format("%.0f..%.0f", d.predictedLoMsAfter(reference),
                d.predictedHiMsAfter(reference)) : "";
        s.append(String.format("  %-22s %-6s %-22s %10.1f %10s %8s %15s%n", EventFormat.printable(d.connection()),
                d.side().label(), what,
                measured, Double.isNaN(predicted) ? "-" : String.format("%.1f", predicted),
                Double.isNaN(predicted) ? "-" : String.format("%+.1f", measured - predicted), window));
    }
}
