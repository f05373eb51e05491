package lab.heartbeat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} as its own process, stopped from outside as users and shells stop it. */
class RunProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final List<ProcessHandle> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.forEach(ProcessHandle::destroyForcibly);
    }

    private Path scenario() throws Exception {
        return Files.writeString(dir.resolve("long.yaml"), """
                name: long
                duration: 60s
                server: {port: 0, preset: teaching}
                clients:
                  - {name: hb, count: 2, profile: app-heartbeat, preset: teaching}
                timeline:
                  - {at: 1s, do: cable-pull, target: hb-1}
                """);
    }

    private Process start(String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                System.getProperty("java.class.path"), "lab.heartbeat.cli.Main"));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        started.add(p.toHandle());
        return p;
    }

    private String err() throws Exception {
        return Files.readString(dir.resolve("err.txt"));
    }

    @Test
    void killMinus9OfRunLeavesNoProcessOfItsSandbox() throws Exception {
        assumeTrue(Sandbox.unavailable() == null, "no private namespace here: " + Sandbox.unavailable());
        Process run = start("run", scenario().toString(), "--out", dir.toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> err().contains("running on"));
        List<ProcessHandle> family = run.descendants().toList();
        family.forEach(started::add);
        assertThat(family).as("the sandboxed JVM and its nft session").hasSizeGreaterThanOrEqualTo(2);

        run.destroyForcibly();

        assertThat(run.waitFor(5, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                assertThat(family).noneMatch(ProcessHandle::isAlive));
    }

    @Test
    void sigintMidRunWritesAPartialReportAndEndsTheEventsWithServerStopped() throws Exception {
        Process run = start("run", scenario().toString(), "--out", dir.toString(), "--json", "--no-sandbox",
                "--fault-backend", "proxy");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(dir.resolve("out.txt"))
                .contains("\"event\":\"fault-injected\""));

        new ProcessBuilder("kill", "-INT", String.valueOf(run.pid())).start().waitFor();

        assertThat(run.waitFor(20, TimeUnit.SECONDS)).as("run stops on SIGINT").isTrue();
        JsonNode report = JSON.readTree(dir.resolve("report.json").toFile());
        assertThat(report.get("completed").asBoolean()).isFalse();
        assertThat(report.get("faults")).hasSize(1);
        List<String> events = Files.readAllLines(dir.resolve("out.txt")).stream()
                .map(RunProcessTest::eventOf).toList();
        assertThat(events).last().isEqualTo("server-stopped");
        assertThat(err()).contains("completed is false");
    }

    private static String eventOf(String jsonLine) {
        try {
            return JSON.readTree(jsonLine).get("event").asText();
        } catch (java.io.IOException e) {
            throw new AssertionError("not a JSON line: " + jsonLine, e);
        }
    }
}
