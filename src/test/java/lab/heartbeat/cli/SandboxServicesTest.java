package lab.heartbeat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab.heartbeat.testing.Scrape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sandboxed {@code run} lives in a private network namespace, yet its metrics and control API answer on the host's loopback. */
class SandboxServicesTest {
    private static final Pattern METRICS = Pattern.compile("metrics on http://127\\.0\\.0\\.1:(\\d+)/metrics");
    private static final Pattern CONTROL = Pattern.compile("control API on http://127\\.0\\.0\\.1:(\\d+)/");

    @TempDir
    Path dir;

    private Process run;

    @AfterEach
    void stop() {
        if (run != null) {
            run.descendants().forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly();
        }
    }

    @Test
    void metricsAndClientsOfASandboxedRunAnswerOnHostLoopbackAndNothingIsLeftAfter() throws Exception {
        assumeTrue(Sandbox.unavailable() == null || "1".equals(System.getenv("HEARTBEAT_LAB_REQUIRE_KERNEL")),
                "no private namespace here: " + Sandbox.unavailable());
        Path scenario = Files.writeString(dir.resolve("long.yaml"), """
                name: long
                duration: 60s
                server: {port: 0, preset: teaching}
                clients:
                  - {name: hb, count: 2, profile: app-heartbeat, preset: teaching}
                """);
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        List<String> argv = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), "lab.heartbeat.cli.Main",
                "run", scenario.toString(), "--out", dir.resolve("out").toString(), "--metrics", "0", "--control", "0"));
        Path err = dir.resolve("err.txt");
        run = new ProcessBuilder(argv).redirectOutput(dir.resolve("out.txt").toFile()).redirectError(err.toFile())
                .start();
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(err).contains("control API on"));
        String log = Files.readString(err);
        assertThat(log).doesNotContain("running in the host network namespace");
        int metricsPort = port(METRICS, log);
        int controlPort = port(CONTROL, log);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Scrape.of(metricsPort)
                .value("heartbeat_lab_clients", "group", "hb", "profile", "app-heartbeat/teaching", "state", "up"))
                .isEqualTo(2));
        HttpResponse<String> clients = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + controlPort + "/clients")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(clients.statusCode()).isEqualTo(200);
        assertThat(clients.body()).contains("\"hb-1\"", "\"hb-2\"");
        assertThat(run.descendants().toList()).as("the lab runs in a child process: the sandbox").isNotEmpty();

        run.destroy();
        assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
        try (var left = Files.list(tmp)) {
            assertThat(left.toList()).as("the relay's socket directory").isEmpty();
        }
        for (int port : new int[] {metricsPort, controlPort}) {
            assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
        }
    }

    private static int port(Pattern pattern, String log) throws IOException {
        Matcher m = pattern.matcher(log);
        if (!m.find()) {
            throw new IOException("no address in: " + log);
        }
        return Integer.parseInt(m.group(1));
    }
}
