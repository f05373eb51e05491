/*
 * Which kernel detections of finished runs fell outside their predicted window (a test-scope main,
 * not a JUnit test). Give it the output folders of `heartbeat-lab run NAME --out DIR`, or folders that
 * hold such folders, for example after
 *
 *   for i in 1 2 3 4 5; do for s in cable-pull keepalive-tuning heartbeat-trap hung-vs-dead; do
 *     java -jar target/heartbeat-lab.jar run $s --out /tmp/windows/$s-$i; done; done
 *   mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 *   java -cp target/classes:target/test-classes:$(cat target/cp.txt) lab.heartbeat.bench.WindowCheck /tmp/windows
 *
 * Prints, per scenario, how many detections with a window (os-keepalive, user-timeout) it checked and
 * how many fell inside, then one line per detection outside: run, connection, side, mechanism, measured
 * and window (ms after t0) and by how much it missed.
 */
package lab.heartbeat.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

public final class WindowCheck {

    private record Outside(String run, String connection, String side, String mechanism, double measured,
                           double lo, double hi) {
        double miss() {
            return measured < lo ? measured - lo : measured - hi;
        }
    }

    private static final class Tally {
        int checked;
        int inside;
        final List<Outside> outside = new ArrayList<>();
    }

    private WindowCheck() {
    }

    public static void main(String[] args) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, Tally> byScenario = new TreeMap<>();
        for (Path report : reports(args)) {
            JsonNode root = json.readTree(report.toFile());
            Tally tally = byScenario.computeIfAbsent(root.path("scenario").asText(), s -> new Tally());
            for (JsonNode fault : root.path("faults")) {
                for (JsonNode d : fault.path("detections")) {
                    JsonNode window = d.path("predictedWindowMs");
                    if (!window.isArray() || window.get(0).asDouble() == window.get(1).asDouble()) {
                        continue;
                    }
                    double lo = window.get(0).asDouble();
                    double hi = window.get(1).asDouble();
                    double measured = d.path("measuredMs").asDouble();
                    tally.checked++;
                    if (measured >= lo && measured <= hi) {
                        tally.inside++;
                    } else {
                        tally.outside.add(new Outside(report.getParent().getFileName().toString(),
                                d.path("connection").asText(), d.path("side").asText(), d.path("mechanism").asText(),
                                measured, lo, hi));
                    }
                }
            }
        }
        System.out.printf("%-18s %8s %7s %8s%n", "scenario", "checked", "inside", "outside");
        byScenario.forEach((scenario, t) -> {
            System.out.printf("%-18s %8d %7d %8d%n", scenario, t.checked, t.inside, t.outside.size());
            for (Outside o : t.outside) {
                System.out.printf("    %-20s %-26s %-6s %-13s measured %8.1f window %8.1f..%8.1f missed by %+6.1f ms%n",
                        o.run(), o.connection(), o.side(), o.mechanism(), o.measured(), o.lo(), o.hi(), o.miss());
            }
        });
    }

    private static List<Path> reports(String[] folders) throws IOException {
        List<Path> found = new ArrayList<>();
        for (String folder : folders) {
            try (Stream<Path> files = Files.walk(Path.of(folder), 2)) {
                files.filter(p -> p.getFileName().toString().equals("report.json")).sorted().forEach(found::add);
            }
        }
        return found;
    }
}
