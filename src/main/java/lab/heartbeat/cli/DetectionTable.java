package lab.heartbeat.cli;

import java.util.ArrayList;
import java.util.List;
import lab.heartbeat.lab.FaultRecord;
import lab.heartbeat.lab.Race;
import lab.heartbeat.lab.RunResult;
import lab.heartbeat.telemetry.Detection;

/** A run's races and detections as plain-text tables. */
final class DetectionTable {
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
        List<Detection> attached = new ArrayList<>();
        for (Race race : result.races()) {
            FaultRecord f = race.fault();
            s.append(String.format("%nRace of %s: %s (%s) on %s, t0 = %.3f s%s%n", f.name(), f.kind().label(),
                    f.backend(), f.targets(), result.time().msSinceStart(f.t0Nanos()) / 1000,
                    f.active() ? "" : String.format(", cleared at %.3f s", result.time().msSinceStart(f.clearedNanos()) / 1000)));
            if (race.entries().isEmpty()) {
                s.append("  nothing noticed\n");
                continue;
            }
            header(s, "after t0");
            for (Detection d : race.entries()) {
                row(s, d, race.measuredMs(d), race.predictedMs(d));
                attached.add(d);
            }
        }
        List<Detection> others = result.detections().stream().filter(d -> !attached.contains(d)).toList();
        s.append(String.format("%nDetections outside any fault: %d%s%n", others.size(),
                others.isEmpty() ? "" : " (delays after the last frame received)"));
        if (!others.isEmpty()) {
            header(s, "after the last frame");
            for (Detection d : others) {
                row(s, d, d.measuredMsAfter(d.lastReceivedNanos()), d.predictedMsAfter(d.lastReceivedNanos()));
            }
        }
        return s.toString();
    }

    private static void header(StringBuilder s, String reference) {
        s.append(String.format("  %-22s %-6s %-22s %10s %10s %8s   (ms %s)%n", "connection", "side", "mechanism / cause",
                "measured", "predicted", "error", reference));
    }

    private static void row(StringBuilder s, Detection d, double measured, double predicted) {
        String what = d.isDetection() ? d.mechanism().label() : "(" + d.cause().label() + ")";
        s.append(String.format("  %-22s %-6s %-22s %10.1f %10s %8s%n", d.connection(), d.side().label(), what, measured,
                Double.isNaN(predicted) ? "-" : String.format("%.1f", predicted),
                Double.isNaN(predicted) ? "-" : String.format("%+.1f", measured - predicted)));
    }
}
