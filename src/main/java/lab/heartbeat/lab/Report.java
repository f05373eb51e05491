package lab.heartbeat.lab;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.heartbeat.telemetry.ConnectionData;
import lab.heartbeat.telemetry.DataCount;
import lab.heartbeat.telemetry.Detection;
import lab.heartbeat.telemetry.EndpointView;
import lab.heartbeat.transport.KernelTcpInfo;

/**
 * The content of report.json, field by field as docs/report.schema.json describes it: the run,
 * each fault's race, every detection, the clients' final counters and every event. Times are
 * milliseconds, rounded to the microsecond.
 */
public record Report(
        String scenario,
        String description,
        String file,
        String startedAt,
        long durationMs,
        boolean completed,
        String transport,
        String namespace,
        String faultBackend,
        String faultBackendNote,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String faultLimitation,
        int serverPort,
        Data data,
        List<Fault> faults,
        List<Detected> detections,
        List<Client> clients,
        List<EventJson> events) {

    /**
     * A fault and its race, delays after its t0. {@code data} counts the DATA of the connections it
     * hit (its targets' connections open at t0), {@code dataByClient} the same per client that sent any.
     */
    public record Fault(String id, String kind, String backend, List<String> targets, double t0, double applyMs,
            Double cleared, Data data, List<ClientData> dataByClient, List<RaceEntry> detections,
            List<Reconnected> reconnected) {
    }

    /** One end in a race: a detection (with its mechanism) or a close with a cause, after the fault's t0. */
    public record RaceEntry(String client, String connection, String side, String mechanism, String cause,
            double measuredMs, Double predictedMs, List<Double> predictedWindowMs, String reason,
            @JsonInclude(JsonInclude.Include.NON_NULL) Kernel kernel) {
    }

    /** A detection with its delays after the last frame received ({@code since}). */
    public record Detected(String client, String connection, String side, String mechanism, String cause, double atMs,
            String since, double measuredMs, Double predictedMs, List<Double> predictedWindowMs, String reason,
            @JsonInclude(JsonInclude.Include.NON_NULL) Kernel kernel) {
    }

    /** How many of a group's targets came back after the fault, and when (null while none is back). */
    public record Reconnected(String group, long clients, int of, Double firstMs, Double medianMs, Double lastMs) {
    }

    /** The kernel's view of a connection when it ended. */
    public record Kernel(int state, int probes, int retransmits, long totalRetrans, long unacked, long rttMicros,
            long rtoMicros) {
        static Kernel of(KernelTcpInfo k) {
            return k == null ? null : new Kernel(k.state(), k.probes(), k.retransmits(), k.totalRetrans(), k.unacked(),
                    k.rttMicros(), k.rtoMicros());
        }
    }

    /** A client's final counters; {@code data} over all its connections. */
    public record Client(String client, String profile, String state, long connections, long reconnectAttempts,
            long heartbeatsSent, long acksReceived, long framesIn, long framesOut, Double rttMeanMs, Data data) {
    }

    /**
     * DATA frames: sent, delivered (counted by the lab's server) and lost (on connections that ended
     * before the server counted them); the rest was still in flight when the run ended.
     */
    public record Data(long sent, long delivered, long lost) {
        static Data of(List<ConnectionData> connections) {
            DataCount n = DataCount.of(connections);
            return new Data(n.sent(), n.delivered(), n.lost());
        }
    }

    /** One client's DATA, as {@link Data}. */
    public record ClientData(String client, long sent, long delivered, long lost) {
    }

    public static Report of(RunResult r) {
        EventFormat format = new EventFormat(r.time());
        long start = r.time().startNanos();
        return new Report(r.plan().scenario().name(), r.plan().scenario().description(), String.valueOf(r.plan().file()),
                r.time().wallTime(start).toString(), r.plan().duration().toMillis(), r.completed(), r.transport(),
                r.namespace(), r.faultBackend(), r.faultNote(), r.faultLimitation(), r.port(), Data.of(r.data()),
                r.races().stream().map(race -> fault(race, r)).toList(),
                r.detections().stream().map(d -> detected(d, start)).toList(),
                r.finalSnapshot().clients().stream().map(v -> client(v, r)).toList(),
                r.events().stream().map(format::toJson).toList());
    }

    static Fault fault(Race race, RunResult r) {
        return fault(race, r.time().startNanos(), r.dataHitBy(race.fault()));
    }

    /** A fault's race as {@code faults[]} has it (the control API's too), with the DATA of the connections it hit. */
    public static Fault fault(Race race, long start, List<ConnectionData> hit) {
        FaultRecord f = race.fault();
        long t0 = f.t0Nanos();
        List<RaceEntry> entries = new ArrayList<>();
        for (Detection d : race.entries()) {
            entries.add(new RaceEntry(d.client(), d.connection(), d.side().label(),
                    d.isDetection() ? d.mechanism().label() : null, d.cause().label(), round(race.measuredMs(d)),
                    orNull(d.predictedMsAfter(t0)), window(d, t0), d.reason(), Kernel.of(d.kernel())));
        }
        List<Reconnected> back = new ArrayList<>();
        race.targetsByGroup().forEach((group, clients) -> back.add(new Reconnected(group,
                clients.stream().filter(race.recoveries()::containsKey).count(), clients.size(),
                orNull(race.recoveredMs(clients, 0)), orNull(race.recoveredMs(clients, 50)),
                orNull(race.recoveredMs(clients, 100)))));
        return new Fault(f.name(), f.kind().label(), f.backend(), f.targets(), round((t0 - start) / 1e6),
                round(f.applyNanos() / 1e6), f.active() ? null : round((f.clearedNanos() - start) / 1e6),
                Data.of(hit), byClient(hit), entries, back);
    }

    static Detected detected(Detection d, long startNanos) {
        long since = d.lastReceivedNanos();
        return new Detected(d.client(), d.connection(), d.side().label(), d.mechanism().label(), d.cause().label(),
                round((d.atNanos() - startNanos) / 1e6), "last-frame", round(d.measuredMsAfter(since)),
                orNull(d.predictedMsAfter(since)), window(d, since), d.reason(), Kernel.of(d.kernel()));
    }

    private static Client client(EndpointView v, RunResult r) {
        return new Client(v.client(), v.profile(), v.state().label(), v.connections(), v.reconnectAttempts(),
                v.heartbeatsSent(), v.acksReceived(), v.framesIn(), v.framesOut(), orNull(v.rttMeanMs()),
                Data.of(r.dataOf(v.client())));
    }

    /** The predicted window [lo, hi] after the reference, or null when theory has no figure. */
    private static List<Double> window(Detection d, long referenceNanos) {
        return d.hasPrediction()
                ? List.of(round(d.predictedLoMsAfter(referenceNanos)), round(d.predictedHiMsAfter(referenceNanos)))
                : null;
    }

    private static List<ClientData> byClient(List<ConnectionData> connections) {
        Map<String, List<ConnectionData>> grouped = new LinkedHashMap<>();
        for (ConnectionData c : connections) {
            grouped.computeIfAbsent(c.client(), k -> new ArrayList<>()).add(c);
        }
        List<ClientData> rows = new ArrayList<>();
        grouped.forEach((client, cs) -> {
            Data n = Data.of(cs);
            rows.add(new ClientData(client, n.sent(), n.delivered(), n.lost()));
        });
        return rows;
    }

    private static Double orNull(double ms) {
        return Double.isNaN(ms) ? null : round(ms);
    }

    private static double round(double ms) {
        return Math.round(ms * 1000) / 1000.0;
    }
}
