package lab.heartbeat.ui.charts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import lab.heartbeat.detect.HeartbeatMode;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.telemetry.EndpointView;
import lab.heartbeat.telemetry.TelemetrySnapshot;

/**
 * What the charted clients' profiles mean for the charts: which phi thresholds to draw, and which
 * charts stay empty for them and why (a sentence for the chart, so that an empty chart is not
 * mistaken for a broken one).
 */
record ChartedProfiles(List<Double> phiThresholds, ChartFeed.EmptyNotes emptyNotes) {

    static ChartedProfiles of(TelemetrySnapshot snapshot, Collection<String> charted, String transport) {
        Set<String> withoutAcks = new TreeSet<>();
        Set<String> silent = new TreeSet<>();
        Set<Double> thresholds = new TreeSet<>();
        int known = 0;
        int acked = 0;
        int sending = 0;
        boolean kernelRead = false;
        for (EndpointView v : snapshot.clients()) {
            if (!charted.contains(v.client())) {
                continue;
            }
            kernelRead |= v.kernel() != null;
            Profile p = v.profileSpec();
            if (p == null) {
                continue;
            }
            known++;
            if (p.phi() != null) {
                thresholds.add(p.phi().threshold());
            }
            if (p.heartbeat() == HeartbeatMode.REQUEST) {
                acked++;
            } else {
                withoutAcks.add(p.kind().label());
            }
            if (p.heartbeat() == HeartbeatMode.NONE) {
                silent.add(p.kind().label());
            } else {
                sending++;
            }
        }
        String rtt = known > 0 && acked == 0
                ? and(withoutAcks) + " clients get no acks, so no RTT" : null;
        String heartbeats = known > 0 && sending == 0
                ? and(silent) + " clients send no heartbeats: the kernel's probes are on the kernel chart" : null;
        String kernel = !charted.isEmpty() && !kernelRead && !transport.startsWith("epoll")
                ? "the kernel's TCP state is read on the epoll transport only; this lab runs " + transport : null;
        return new ChartedProfiles(List.copyOf(thresholds), new ChartFeed.EmptyNotes(rtt, heartbeats, kernel));
    }

    /** "a", "a and b", "a, b and c". */
    private static String and(Set<String> names) {
        List<String> list = new ArrayList<>(names);
        if (list.size() == 1) {
            return list.get(0);
        }
        return String.join(", ", list.subList(0, list.size() - 1)) + " and " + list.get(list.size() - 1);
    }
}
