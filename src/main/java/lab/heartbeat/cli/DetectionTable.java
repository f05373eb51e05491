package lab.heartbeat.cli;

import lab.heartbeat.lab.RunResult;
import lab.heartbeat.telemetry.Detection;

/** The detections of a run as a plain-text table, delays counted from the last frame received. */
final class DetectionTable {
    private DetectionTable() {
    }

    static String format(RunResult result) {
        StringBuilder s = new StringBuilder();
        s.append(String.format("%nDetections of '%s' (%d; delays in ms after the last frame received)%n",
                result.plan().scenario().name(), result.detections().size()));
        if (result.detections().isEmpty()) {
            return s.append("  none\n").toString();
        }
        s.append(String.format("  %-9s %-20s %-6s %-14s %10s %10s %8s%n", "at", "connection", "side", "mechanism",
                "measured", "predicted", "error"));
        for (Detection d : result.detections()) {
            double measured = d.measuredMsAfter(d.lastReceivedNanos());
            double predicted = d.predictedMsAfter(d.lastReceivedNanos());
            s.append(String.format("  %8.3fs %-20s %-6s %-14s %10.1f %10s %8s%n",
                    result.time().msSinceStart(d.atNanos()) / 1000, d.connection(), d.side().label(),
                    d.mechanism().label(), measured,
                    Double.isNaN(predicted) ? "-" : String.format("%.1f", predicted),
                    Double.isNaN(predicted) ? "-" : String.format("%+.1f", measured - predicted)));
        }
        return s.toString();
    }
}
