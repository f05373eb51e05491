package lab.heartbeat.lab;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import lab.heartbeat.telemetry.EndpointView;
import lab.heartbeat.telemetry.EventKind;

/**
 * A scenario's time 0: the moment every client of its initial groups is connected and named by the
 * server's end of its connection. Counting the timeline from the lab's start instead lets a loaded
 * machine pull cables before the clients have connected, and the race then has nothing to notice.
 */
final class TimelineStart {
    /** Far beyond a healthy start, even of hundreds of clients on a loaded machine. */
    static final Duration DEFAULT_LIMIT = Duration.ofSeconds(30);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private TimelineStart() {
    }

    /**
     * Waits until the given clients are up and named by the server, reports progress on the way,
     * records the start in the event log and returns its time.
     *
     * @throws IllegalStateException naming the clients that did not come up within the limit
     */
    static long await(Lab lab, List<String> clients, Duration limit, ScenarioRunner.Progress progress)
            throws InterruptedException {
        long began = lab.telemetry().now();
        Set<String> missing = new TreeSet<>(clients);
        while (true) {
            missing.removeAll(namedByServer(lab));
            long now = lab.telemetry().now();
            Duration waited = Duration.ofNanos(now - began);
            progress.clientsUp(clients.size() - missing.size(), clients.size(), waited);
            if (missing.isEmpty()) {
                lab.telemetry().action(EventKind.ACTION, "all", "timeline starts: " + clients.size()
                        + " client(s) up and named by the server");
                return now;
            }
            if (waited.compareTo(limit) >= 0) {
                throw new IllegalStateException(missing.size() + " of " + clients.size()
                        + " client(s) did not connect to the server within " + limit.toSeconds()
                        + " s, so the timeline never started: " + first(missing));
            }
            TimeUnit.NANOSECONDS.sleep(POLL_NANOS);
        }
    }

    private static Set<String> namedByServer(Lab lab) {
        return lab.telemetry().snapshot().serverConnections().stream().filter(EndpointView::online)
                .map(EndpointView::client).collect(Collectors.toSet());
    }

    private static String first(Set<String> names) {
        String listed = names.stream().limit(10).collect(Collectors.joining(", "));
        return names.size() > 10 ? listed + ", ..." : listed;
    }
}
