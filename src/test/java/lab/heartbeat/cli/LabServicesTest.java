package lab.heartbeat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import lab.heartbeat.testing.Promtool;
import lab.heartbeat.testing.Scrape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --metrics} and {@code --control} on the headless commands: the exposition parses and
 * passes promtool; the control API answers and wants its token.
 */
class LabServicesTest {
    /**
     * Threads of their own for the commands and their scrapes: on 2 cores the common pool has one
     * thread, and a command waiting there for another behind it never starts (seen on JDK 25).
     */
    private static final java.util.concurrent.Executor COMMANDS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "lab-services-test");
        t.setDaemon(true);
        return t;
    });

    @TempDir
    Path dir;

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Runs a command in the background and returns one scrape taken once {@code ready} holds, and its exit code. */
    private static Scrape scrapeWhile(int metricsPort, java.util.function.Predicate<Scrape> ready, String... args)
            throws Exception {
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> code = CompletableFuture.supplyAsync(
                () -> Main.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(err)), COMMANDS);
        Scrape[] seen = new Scrape[1];
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            assertThat(code).as(err.toString()).isNotDone();
            seen[0] = Scrape.of(metricsPort);
            return ready.test(seen[0]);
        });
        assertThat(code.get()).as(err.toString()).isZero();
        assertThat(err.toString()).contains("metrics on http://127.0.0.1:" + metricsPort + "/metrics");
        return seen[0];
    }

    @Test
    void theServerAndAClientServeTheirMetrics() throws Exception {
        int serverPort = freePort();
        int serverMetrics = freePort();
        int clientMetrics = freePort();
        CompletableFuture<Scrape> server = CompletableFuture.supplyAsync(() -> {
            try {
                return scrapeWhile(serverMetrics, s -> s.value("heartbeat_lab_server_connections") == 2,
                        "server", "--port", String.valueOf(serverPort), "--preset", "teaching", "--duration", "12s",
                        "--metrics", String.valueOf(serverMetrics));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, COMMANDS);
        Scrape client = scrapeWhile(clientMetrics, s -> s.value("heartbeat_lab_heartbeats_acked_total", "group",
                        "hb", "profile", "app-heartbeat/teaching") >= 1 && s.value("heartbeat_lab_clients", "group",
                        "hb", "profile", "app-heartbeat/teaching", "state", "up") == 2,
                "client", "--connect", "127.0.0.1:" + serverPort, "--count", "2", "--name", "hb", "--preset",
                "teaching", "--profile", "app-heartbeat", "--duration", "8s", "--metrics",
                "127.0.0.1:" + clientMetrics);

        assertThat(client.value("heartbeat_lab_clients", "group", "hb", "profile", "app-heartbeat/teaching",
                "state", "up")).isEqualTo(2);
        Promtool.check(client.text());
        Promtool.check(server.get().text());
    }

    @Test
    void aScenarioRunServesItsMetrics() throws Exception {
        Path scenario = dir.resolve("pull.yaml");
        Files.writeString(scenario, """
                name: pull
                duration: 5s
                seed: 1
                faultBackend: proxy
                server: {port: 0, preset: teaching}
                clients:
                  - {name: hb, count: 1, profile: app-heartbeat, preset: teaching}
                timeline:
                  - {at: 1s, do: cable-pull, target: all}
                """);
        int metrics = freePort();

        Scrape s = scrapeWhile(metrics, m -> m.value("heartbeat_lab_detections_total", "side", "client", "mechanism",
                "app-heartbeat") >= 1, "run", scenario.toString(), "--no-sandbox", "--out", dir.toString(),
                "--metrics", String.valueOf(metrics));

        assertThat(s.value("heartbeat_lab_faults_total", "kind", "cable-pull", "backend", "proxy")).isEqualTo(1);
        Promtool.check(s.text());
    }

    @Test
    void aServerServesItsControlApiWithTheTokenGiven() throws Exception {
        int control = freePort();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> Main.execute(new String[] {"server",
            "--port", "0", "--duration", "4s", "--control", String.valueOf(control), "--control-token", "t0ken"},
                new PrintWriter(new StringWriter()), new PrintWriter(err)));
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest.Builder faults = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + control + "/faults"));

        HttpResponse<String> allowed = await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(
                () -> http.send(faults.copy().header("Authorization", "Bearer t0ken").build(),
                        HttpResponse.BodyHandlers.ofString()), r -> r.statusCode() == 200);
        HttpResponse<String> refused = http.send(faults.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(allowed.body()).isEqualTo("[]");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(code.get()).as(err.toString()).isZero();
        assertThat(err.toString()).contains("control API on http://127.0.0.1:" + control + "/").doesNotContain("t0ken");
    }

    @Test
    void aControlTokenWithoutControlIsBadInput() {
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"server", "--port", "0", "--duration", "1s", "--control-token", "x"},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString()).contains("--control-token needs --control");
    }

    @Test
    void theDashboardReadsItsServiceOptionsAmongItsOthers() {
        ServiceOptions options = ServiceOptions.of("--no-sandbox", "--metrics", "9400", "--control",
                "127.0.0.2:7070", "--control-token", "t");

        assertThat(options.metrics).isEqualTo(new InetSocketAddress("127.0.0.1", 9400));
        assertThat(options.control).isEqualTo(new InetSocketAddress("127.0.0.2", 7070));
        assertThat(options.controlToken).isEqualTo("t");
    }

    @Test
    void theDashboardsBadMetricsAddressIsBadInputBeforeAnyWindow() {
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"--metrics", "localhost:99999"}, new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertThat(code).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString()).contains("--metrics");
    }

    @Test
    void aBadMetricsAddressIsBadInput() {
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"server", "--metrics", "127.0.0.1:70000"},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString()).contains("--metrics").contains("port must be between 0 and 65535");
    }
}
