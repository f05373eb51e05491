package lab.heartbeat.lab;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import lab.heartbeat.telemetry.Detection;

/**
 * All ends of the connections one fault hit, side by side and in time order: every mechanism's
 * detection on both sides, and ends that were no detection (a reset, a peer closing). Also when
 * each target client was connected again ({@code recoveries}, client to nanos: its first connection
 * made after the plug-in, or after t0 for a fault that cuts no path, and before its next fault).
 */
public record Race(FaultRecord fault, List<Detection> entries, Map<String, Long> recoveries) {

    public Race {
        entries = entries.stream().sorted(Comparator.comparingLong(Detection::atNanos)).toList();
        recoveries = Map.copyOf(recoveries);
    }

    /**
     * Milliseconds after t0 at which {@code percent} of these clients' recoveries had happened
     * (0 = the first, 100 = the last), or NaN when none of them is back.
     */
    public double recoveredMs(Collection<String> clients, int percent) {
        List<Long> times = clients.stream().map(recoveries::get).filter(java.util.Objects::nonNull).sorted().toList();
        if (times.isEmpty()) {
            return Double.NaN;
        }
        return (times.get(rank(percent, times.size())) - fault.t0Nanos()) / 1e6;
    }

    /** The index of the {@code percent}-th percentile in n sorted values, by nearest rank (50: the lower median). */
    public static int rank(int percent, int n) {
        return Math.max(0, (int) Math.ceil(percent / 100.0 * n) - 1);
    }

    public double recoveredMs(int percent) {
        return recoveredMs(recoveries.keySet(), percent);
    }

    /** The fault's targets by group: a client {@code name-N} belongs to group {@code name}. */
    public Map<String, List<String>> targetsByGroup() {
        Map<String, List<String>> groups = new java.util.LinkedHashMap<>();
        for (String client : fault.targets()) {
            groups.computeIfAbsent(ClientNames.groupOf(client), g -> new java.util.ArrayList<>()).add(client);
        }
        return groups;
    }

    /** How many of one group's targets were back, and when (ms after t0, NaN when none was). */
    public record GroupRecovery(String group, int back, int of, double firstMs, double medianMs, double lastMs) {

        /** The summary's line: {@code reconnected beacon: 2 of 2, first ...}, or {@code reconnected seed-001: 0 of 1}. */
        public String describe() {
            String counted = "reconnected " + group + ": " + back + " of " + of;
            return back == 0 ? counted : String.format(java.util.Locale.ROOT,
                    "%s, first %.0f ms, median %.0f ms, last %.0f ms after t0", counted, firstMs, medianMs, lastMs);
        }
    }

    /** Every target group's recovery, those where nobody came back included. */
    public List<GroupRecovery> recoveriesByGroup() {
        return targetsByGroup().entrySet().stream().map(g -> new GroupRecovery(g.getKey(),
                (int) g.getValue().stream().filter(recoveries::containsKey).count(), g.getValue().size(),
                recoveredMs(g.getValue(), 0), recoveredMs(g.getValue(), 50), recoveredMs(g.getValue(), 100))).toList();
    }

    /**
     * Whether this end's connection was made during the fault: a client that reconnected to the proxy's relay
     * while the cable was out, and was cut again.
     */
    public boolean reconnectedDuringFault(Detection d) {
        return d.connectedNanos() >= fault.t0Nanos();
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
