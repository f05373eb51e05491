package lab.heartbeat.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.heartbeat.telemetry.ConnectionData;
import lab.heartbeat.telemetry.DataCount;

/** The DATA lines of a run's summary: what was sent, what the server counted, what died with a connection. */
final class DataSummary {
    /** Clients named on a line of losses; more are counted, not named. */
    private static final int NAMED = 8;

    private DataSummary() {
    }

    /** One line for these connections, naming the clients that lost DATA; empty when none carried any. */
    static String line(String what, List<ConnectionData> connections) {
        DataCount total = DataCount.of(connections);
        if (total.sent() == 0) {
            return "";
        }
        StringBuilder s = new StringBuilder(String.format("  %s: %d sent, %d delivered, %d lost", what, total.sent(),
                total.delivered(), total.lost()));
        Map<String, Long> lostBy = new LinkedHashMap<>();
        for (ConnectionData c : connections) {
            if (c.lost() > 0) {
                lostBy.merge(c.client(), c.lost(), Long::sum);
            }
        }
        if (!lostBy.isEmpty()) {
            s.append(" (");
            lostBy.entrySet().stream().limit(NAMED).forEach(e -> s.append(e.getKey()).append(' ').append(e.getValue())
                    .append(", "));
            s.setLength(s.length() - 2);
            if (lostBy.size() > NAMED) {
                s.append(String.format(" and %d more clients", lostBy.size() - NAMED));
            }
            s.append(')');
        }
        return s.append('\n').toString();
    }
}
