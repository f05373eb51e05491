package lab.heartbeat.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import lab.heartbeat.telemetry.Series;
import lab.heartbeat.telemetry.SeriesView;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a run's report: {@code report.json} (a {@link Report}: the scenario, every event, every
 * detection with its measured and predicted delay, the final counters) and {@code timeseries.csv} (one row per track
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
        writeAtomically(report, w -> JSON.writeValue(w, Report.of(result)));
        writeAtomically(csv, w -> writeSeries(result, w));
        return List.of(report, csv);
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

    /**
     * Writes a new file of a random name, created exclusively so that nothing planted in the folder
     * (a symbolic link, say) is ever opened, then renames it over the target, which replaces a link
     * there rather than following it.
     */
    private static void writeAtomically(Path target, Body body) throws IOException {
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName() + ".", ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS)) {
                body.write(w);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
