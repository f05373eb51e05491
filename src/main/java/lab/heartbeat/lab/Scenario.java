package lab.heartbeat.lab;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A lab experiment written down: the server, the client groups, a timeline of actions and how long
 * it runs. Read from YAML by {@link ScenarioReader}, which reports bad input by file, line and field.
 */
public record Scenario(String name, String description, Duration duration, Long seed, String faultBackend,
        ServerSpec server, List<GroupSpec> clients, List<Step> timeline) {

    public Scenario {
        server = server == null ? new ServerSpec(null, null, null, null, null, null) : server;
        clients = clients == null ? List.of() : List.copyOf(clients);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        name = name == null ? "scenario" : name;
        description = description == null ? "" : description;
    }

    /** The embedded server: port (0 = any free one), bind address, preset for its sweep and keepalive, overrides. */
    public record ServerSpec(Integer port, String bind, String preset, SweepSpec sweep, KeepaliveSpec keepalive,
            Boolean sweepOff) {
    }

    /** A server sweep: every {@code interval}, closing after {@code misses} silent sweeps. */
    public record SweepSpec(Duration interval, Integer misses) {
    }

    /** OS keepalive timers, as TCP_KEEPIDLE, TCP_KEEPINTVL and TCP_KEEPCNT. */
    public record KeepaliveSpec(Duration idle, Duration interval, Integer count) {
    }

    /** A group of clients: name, count, profile kind and/or preset, and parameter overrides. */
    public record GroupSpec(String name, Integer count, String profile, String preset, Map<String, String> parameters) {
    }

    /**
     * One timeline action at {@code at} after the start: {@code do} names it; {@code target} is
     * {@code all}, a group, a client, or several separated by commas; the rest are the action's own
     * arguments ({@code down} for server-restart, {@code delay} and {@code jitter} for latency,
     * {@code count} for add-clients and send-data).
     */
    public record Step(Duration at, @JsonProperty("do") String action, String target, Integer count, Duration down,
            Duration delay, Duration jitter, String profile, String preset, Map<String, String> parameters) {
    }
}
