package lab.heartbeat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import lab.heartbeat.testing.KernelFaults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three hosts on one machine: network namespaces made under the test's private user namespace,
 * each joined by veth links to bridges in the test's own namespace (198.18.0.0/15, no route
 * outside); a server on one, clients on the two others, and a real Prometheus scraping all three.
 * Pulling one host's cable shows detections for its clients and the server, none for the other.
 */
@Tag("kernel")
class ThreeHostsPrometheusTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final String[] HOSTS = {"server", "left", "right"};
    private static final String LAB_BRIDGE = "hb-lab";
    private static final String WATCH_BRIDGE = "hb-watch";

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();
    private final Map<String, Long> holders = new HashMap<>();

    @AfterEach
    void tearDown() throws Exception {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        // The hosts' namespaces went with their holders; their veth pairs with them. The bridge is ours.
        run(false, "ip", "link", "del", LAB_BRIDGE);
        run(false, "ip", "link", "del", WATCH_BRIDGE);
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void pullingOneHostsCableShowsDetectionsForItsClientsAndTheServerAndNoneForTheOtherHost() throws Exception {
        KernelFaults.assumeAvailable();
        if (!Files.isExecutable(PROMETHEUS)) {
            if ("1".equals(System.getenv("HEARTBEAT_LAB_REQUIRE_KERNEL"))) {
                fail("Prometheus must run here (HEARTBEAT_LAB_REQUIRE_KERNEL=1): apt-get install prometheus");
            }
            assumeTrue(false, "Prometheus is not installed (apt-get install prometheus)");
        }
        bridge(LAB_BRIDGE, "198.18.0.254/24");
        bridge(WATCH_BRIDGE, "198.19.0.254/24");
        for (int i = 0; i < HOSTS.length; i++) {
            host(HOSTS[i], i + 1);
        }

        lab("server", "server", "--bind", "198.18.0.1", "--port", "8898", "--preset", "teaching",
                "--metrics", "0.0.0.0:9400");
        for (String side : new String[] {"left", "right"}) {
            lab(side, "client", "--connect", "198.18.0.1:8898", "--count", "2", "--name", side, "--profile",
                    "app-heartbeat", "--preset", "teaching", "--metrics", "0.0.0.0:9400");
        }
        prometheus();

        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(query("heartbeat_lab_server_connections")).containsEntry("server", 4.0);
            assertThat(query("sum by (instance) (heartbeat_lab_clients{state=\"up\"})"))
                    .containsEntry("left", 2.0).containsEntry("right", 2.0);
        });

        // Clients that started before the server was up may already count a refused connection.
        String detections = "sum by (instance) (heartbeat_lab_detections_total)";
        Map<String, Double> before = query(detections);

        run(true, "ip", "link", "set", "lab-left", "down");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Map<String, Double> now = query(detections);
            assertThat(now.getOrDefault("left", 0.0) - before.getOrDefault("left", 0.0))
                    .as("the unplugged host's clients").isGreaterThanOrEqualTo(2);
            assertThat(now.getOrDefault("server", 0.0) - before.getOrDefault("server", 0.0))
                    .as("the server, for that host's connections").isGreaterThanOrEqualTo(2);
        });
        assertThat(query(detections).getOrDefault("right", 0.0)).as("the other host, before: " + before)
                .isEqualTo(before.getOrDefault("right", 0.0));
    }

    private static void bridge(String name, String address) throws Exception {
        run(true, "ip", "link", "add", name, "type", "bridge");
        run(true, "ip", "addr", "add", address, "dev", name);
        run(true, "ip", "link", "set", name, "up");
    }

    /**
     * A host: a network namespace held by a sleeping process, with two veth links: eth0 to the lab's
     * bridge (198.18.0.N, the cable that is pulled) and eth1 to the watch bridge (198.19.0.N), where
     * Prometheus scrapes it, as a management network would, so a pulled host is still seen.
     */
    private void host(String name, int n) throws Exception {
        Process holder = start(dir.resolve(name + "-holder.txt"), "unshare", "--net", "--", "sleep", "300");
        holders.put(name, holder.pid());
        link(name, "lab-" + name, LAB_BRIDGE, "eth0", "198.18.0." + n);
        link(name, "watch-" + name, WATCH_BRIDGE, "eth1", "198.19.0." + n);
        in(name, "ip", "link", "set", "lo", "up");
    }

    private void link(String host, String outside, String bridge, String inside, String address) throws Exception {
        run(true, "ip", "link", "add", outside, "type", "veth", "peer", "name", inside, "netns",
                Long.toString(holders.get(host)));
        run(true, "ip", "link", "set", outside, "master", bridge, "up");
        in(host, "ip", "addr", "add", address + "/24", "dev", inside);
        in(host, "ip", "link", "set", inside, "up");
    }

    private void in(String host, String... command) throws Exception {
        List<String> argv = new ArrayList<>(List.of("nsenter", "--net=/proc/" + holders.get(host) + "/ns/net", "--"));
        argv.addAll(List.of(command));
        run(true, argv.toArray(String[]::new));
    }

    private void lab(String host, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("nsenter", "--net=/proc/" + holders.get(host) + "/ns/net", "--",
                ProcessHandle.current().info().command().orElseThrow(), "-cp", System.getProperty("java.class.path"),
                "lab.heartbeat.cli.Main"));
        argv.addAll(List.of(args));
        start(dir.resolve(host + ".txt"), argv.toArray(String[]::new));
    }

    private void prometheus() throws Exception {
        Path config = Files.writeString(dir.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 900ms
                scrape_configs:
                  - job_name: heartbeat-lab
                    static_configs:
                      - {targets: ['198.19.0.1:9400'], labels: {host: server}}
                      - {targets: ['198.19.0.2:9400'], labels: {host: left}}
                      - {targets: ['198.19.0.3:9400'], labels: {host: right}}
                """);
        start(dir.resolve("prometheus.txt"), PROMETHEUS.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("tsdb"), "--web.listen-address=127.0.0.1:19090");
    }

    /** An instant query's values by the {@code host} label of the target. */
    private static Map<String, Double> query(String promql) throws IOException, InterruptedException {
        String q = promql.replace("instance", "host");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:19090/api/v1/query?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(response.body());
        Map<String, Double> values = new HashMap<>();
        for (JsonNode r : body.path("data").path("result")) {
            values.merge(r.path("metric").path("host").asText(), r.path("value").get(1).asDouble(), Double::sum);
        }
        return values;
    }

    private Process start(Path log, String... argv) throws IOException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(p);
        return p;
    }

    private static void run(boolean mustSucceed, String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS) || (mustSucceed && p.exitValue() != 0)) {
            throw new IOException(String.join(" ", argv) + " failed: " + out.strip());
        }
    }
}
