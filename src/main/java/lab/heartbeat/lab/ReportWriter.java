package lab.heartbeat.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.heartbeat.telemetry.Detection;
import lab.heartbeat.telemetry.EndpointView;
import lab.heartbeat.telemetry.Series;
import lab.heartbeat.telemetry.SeriesView;
import lab.heartbeat.transport.KernelTcpInfo;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a run's report: {@code report.json} (the scenario, every event, every detection with its
 * measured and predicted delay, the final counters) and {@code timeseries.csv} (one row per track
 * and sample). Each file is written beside its final name and moved into place, so a reader never
 * sees half a report.
 */
public final class ReportWriter {
    public static final String REPORT = "report.json";
    public static final String TIMESERIES = "timeseries.csv";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {
    }

    public static List<Path> write(RunResult result, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path report = dir.resolve(REPORT);
        Path csv = dir.resolve(TIMESERIES);
        writeAtomically(report, w -> JSON.writeValue(w, reportOf(result)));
        writeAtomically(csv, w -> writeSeries(result, w));
        return List.of(report, csv);
    }

    static Map<String, Object> reportOf(RunResult r) {
        EventFormat format = new EventFormat(r.time());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", r.plan().scenario().name());
        m.put("description", r.plan().scenario().description());
        m.put("file", String.valueOf(r.plan().file()));
        m.put("startedAt", r.time().wallTime(r.time().startNanos()).toString());
        m.put("durationMs", r.plan().duration().toMillis());
        m.put("completed", r.completed());
        m.put("transport", r.transport());
        m.put("namespace", r.namespace());
        m.put("faultBackend", r.faultBackend());
        m.put("faultBackendNote", r.faultNote());
        if (!r.faultLimitation().isEmpty()) {
            m.put("faultLimitation", r.faultLimitation());
        }
        m.put("serverPort", r.port());
        m.put("faults", r.races().stream().map(race -> fault(race, r.time().startNanos())).toList());
        m.put("detections", r.detections().stream().map(d -> detection(d, r.time().startNanos())).toList());
        m.put("clients", r.finalSnapshot().clients().stream().map(ReportWriter::endpoint).toList());
        m.put("events", r.events().stream().map(format::toMap).toList());
        return m;
    }

    /** A fault and its race: every end of the connections it hit, delays counted from its t0. */
    static Map<String, Object> fault(Race race, long startNanos) {
        FaultRecord f = race.fault();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.name());
        m.put("kind", f.kind().label());
        m.put("backend", f.backend());
        m.put("targets", f.targets());
        m.put("t0", round((f.t0Nanos() - startNanos) / 1e6));
        m.put("applyMs", round(f.applyNanos() / 1e6));
        m.put("cleared", f.active() ? null : round((f.clearedNanos() - startNanos) / 1e6));
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Detection d : race.entries()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("client", d.client());
            e.put("connection", d.connection());
            e.put("side", d.side().label());
            e.put("mechanism", d.isDetection() ? d.mechanism().label() : null);
            e.put("cause", d.cause().label());
            e.put("measuredMs", round(race.measuredMs(d)));
            e.put("predictedMs", d.hasPrediction() ? round(race.predictedMs(d)) : null);
            e.put("reason", d.reason());
            if (d.kernel() != null) {
                e.put("kernel", kernel(d.kernel()));
            }
            entries.add(e);
        }
        m.put("detections", entries);
        List<Map<String, Object>> back = new ArrayList<>();
        race.targetsByGroup().forEach((group, clients) -> {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("group", group);
            g.put("clients", clients.stream().filter(race.recoveries()::containsKey).count());
            g.put("of", clients.size());
            double first = race.recoveredMs(clients, 0);
            g.put("firstMs", Double.isNaN(first) ? null : round(first));
            g.put("medianMs", Double.isNaN(first) ? null : round(race.recoveredMs(clients, 50)));
            g.put("lastMs", Double.isNaN(first) ? null : round(race.recoveredMs(clients, 100)));
            back.add(g);
        });
        m.put("reconnected", back);
        return m;
    }

    /** A detection with its delays counted from the last frame received. */
    static Map<String, Object> detection(Detection d, long startNanos) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("client", d.client());
        m.put("connection", d.connection());
        m.put("side", d.side().label());
        m.put("mechanism", d.mechanism().label());
        m.put("cause", d.cause().label());
        m.put("atMs", round((d.atNanos() - startNanos) / 1e6));
        m.put("since", "last-frame");
        m.put("measuredMs", round(d.measuredMsAfter(d.lastReceivedNanos())));
        m.put("predictedMs", d.hasPrediction() ? round(d.predictedMsAfter(d.lastReceivedNanos())) : null);
        m.put("reason", d.reason());
        if (d.kernel() != null) {
            m.put("kernel", kernel(d.kernel()));
        }
        return m;
    }

    private static Map<String, Object> kernel(KernelTcpInfo k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", k.state());
        m.put("probes", k.probes());
        m.put("retransmits", k.retransmits());
        m.put("totalRetrans", k.totalRetrans());
        m.put("unacked", k.unacked());
        m.put("rttMicros", k.rttMicros());
        m.put("rtoMicros", k.rtoMicros());
        return m;
    }

    private static Map<String, Object> endpoint(EndpointView v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("client", v.client());
        m.put("profile", v.profile());
        m.put("state", v.state().label());
        m.put("connections", v.connections());
        m.put("reconnectAttempts", v.reconnectAttempts());
        m.put("heartbeatsSent", v.heartbeatsSent());
        m.put("acksReceived", v.acksReceived());
        m.put("framesIn", v.framesIn());
        m.put("framesOut", v.framesOut());
        m.put("rttMeanMs", Double.isNaN(v.rttMeanMs()) ? null : round(v.rttMeanMs()));
        return m;
    }

    private static double round(double ms) {
        return Math.round(ms * 1000) / 1000.0;
    }

    static void writeSeries(RunResult r, Writer w) throws IOException {
        List<String> header = new ArrayList<>(List.of("track", "tMs"));
        for (Series s : Series.values()) {
            header.add(s.label());
        }
        try (CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).build().print(w)) {
            for (SeriesView v : r.series()) {
                for (int i = 0; i < v.size(); i++) {
                    List<Object> row = new ArrayList<>(header.size());
                    row.add(v.track());
                    row.add(Math.round((v.nanos()[i] - r.time().startNanos()) / 1e6));
                    for (Series s : Series.values()) {
                        float value = v.value(s, i);
                        row.add(Float.isNaN(value) ? "" : value == Math.rint(value) ? String.valueOf((long) value)
                                : String.valueOf(value));
                    }
                    csv.printRecord(row);
                }
            }
        }
    }

    private interface Body {
        void write(Writer w) throws IOException;
    }

    private static void writeAtomically(Path target, Body body) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                body.write(w);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
