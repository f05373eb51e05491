package lab.heartbeat.ui.connections;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lab.heartbeat.telemetry.Detection;
import lab.heartbeat.ui.lab.RaceSnapshot;

/**
 * How the table states a client's last detection: with the figure the race panel shows, the delay
 * after the fault's t0, when the detection belongs to a fault; otherwise the delay after the last
 * frame received (or after the connection was made, when none was), and it says which.
 */
final class DetectionDelays {
    private record Figure(String fault, double measuredMs) {
    }

    private Map<String, Figure> byEnd = Map.of();
    private int version;

    /** The shown lab's races changed. */
    void races(List<RaceSnapshot> races) {
        Map<String, Figure> ends = new HashMap<>();
        for (RaceSnapshot race : races) {
            for (RaceSnapshot.Entry e : race.entries()) {
                ends.put(key(e.client(), e.connection(), e.side(), e.cause()), new Figure(race.name(), e.measuredMs()));
            }
        }
        byEnd = ends;
        version++;
    }

    /** Counts the changes of the races, so a row knows when to state its detection again. */
    int version() {
        return version;
    }

    String label(Detection d) {
        if (d == null) {
            return "";
        }
        Figure f = byEnd.get(key(d.client(), d.connection(), d.side().name().toLowerCase(Locale.ROOT), d.cause().label()));
        if (f != null) {
            return d.cause().label() + " " + ms(f.measuredMs()) + " after " + f.fault();
        }
        boolean framed = d.lastReceivedNanos() > 0 && d.lastReceivedNanos() >= d.connectedNanos();
        return d.cause().label() + " " + ms(d.measuredMsAfter(framed ? d.lastReceivedNanos() : d.connectedNanos()))
                + (framed ? " after last frame" : " after connect");
    }

    private static String ms(double ms) {
        return String.format(Locale.ROOT, "%.1f ms", ms);
    }

    private static String key(String client, String connection, String side, String cause) {
        return client + '\n' + connection + '\n' + side + '\n' + cause;
    }
}
