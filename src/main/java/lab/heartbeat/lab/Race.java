package lab.heartbeat.lab;

import java.util.Comparator;
import java.util.List;
import lab.heartbeat.telemetry.Detection;

/**
 * All ends of the connections one fault hit, side by side and in time order: every mechanism's
 * detection on both sides, and ends that were no detection (a reset, a peer closing).
 */
public record Race(FaultRecord fault, List<Detection> entries) {

    public Race {
        entries = entries.stream().sorted(Comparator.comparingLong(Detection::atNanos)).toList();
    }

    public List<Detection> detections() {
        return entries.stream().filter(Detection::isDetection).toList();
    }

    public double measuredMs(Detection d) {
        return d.measuredMsAfter(fault.t0Nanos());
    }

    public double predictedMs(Detection d) {
        return d.predictedMsAfter(fault.t0Nanos());
    }
}
