package lab.heartbeat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as scripts use it: exit codes, messages, JSON lines and the report files. */
class CommandLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void runWritesTheReportAndTheTimeSeriesOfAServerRestart() throws Exception {
        Path scenario = dir.resolve("restart.yaml");
        Files.writeString(scenario, """
                name: restart
                duration: 3s
                seed: 1
                server: {port: 0, preset: teaching}
                clients:
                  - {name: hb, count: 3, profile: app-heartbeat, preset: teaching}
                timeline:
                  - {at: 1s, do: server-restart, down: 200ms}
                """);
        Path out = dir.resolve("out");

        Run r = run("run", scenario.toString(), "--out", out.toString(), "--json");

        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> lines = r.out().lines().map(CommandLineTest::parse).toList();
        assertThat(lines).allSatisfy(e -> assertThat(e.has("time") && e.has("event")).isTrue());
        assertThat(lines).filteredOn(e -> e.get("event").asText().equals("reconnect-attempt"))
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(r.err()).contains("Race of fault-1: server-restart").contains("(peer-closed)");

        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        assertThat(report.get("scenario").asText()).isEqualTo("restart");
        assertThat(report.get("completed").asBoolean()).isTrue();
        assertThat(report.get("detections").isArray()).isTrue();
        List<String> kinds = StreamSupport.stream(report.get("events").spliterator(), false)
                .map(e -> e.get("event").asText()).toList();
        assertThat(kinds).contains("server-started", "connected", "server-stopped", "disconnected",
                "reconnect-attempt");
        assertThat(report.get("clients")).hasSize(3)
                .allSatisfy(c -> assertThat(c.get("connections").asInt()).isEqualTo(2));

        List<String> csv = Files.readAllLines(out.resolve("timeseries.csv"));
        assertThat(csv.get(0)).startsWith("track,tMs,up,rttMs,heartbeatsSent");
        assertThat(csv).filteredOn(l -> l.startsWith("client/hb-1,")).hasSizeGreaterThan(10);
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("report.json",
                    "timeseries.csv");
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }

    @Test
    void aBadScenarioExitsWithTwoAndNamesFileLineAndField() throws Exception {
        Path scenario = dir.resolve("bad.yaml");
        Files.writeString(scenario, "duration: 5s\nclients:\n  - name: a\n    preset: nope\n");

        Run r = run("run", scenario.toString(), "--out", dir.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(scenario + ":4: clients[0].preset: unknown preset 'nope'");
        assertThat(dir.resolve("report.json")).doesNotExist();
    }

    @Test
    void badArgumentsExitWithTwo() {
        assertThat(run("server", "--port", "70000").code()).isEqualTo(2);
        assertThat(run("server", "--sweep-interval", "soon").err()).contains("bad duration 'soon'");
        assertThat(run("client", "--connect", "localhost").err()).contains("expected HOST:PORT");
        assertThat(run("client", "--connect", "127.0.0.1:9", "--profile", "tcp").code()).isEqualTo(2);
        assertThat(run("client", "--connect", "127.0.0.1:9", "--count", "0").code()).isEqualTo(2);
        assertThat(run("frobnicate").code()).isEqualTo(2);
    }

    @Test
    void aSymbolicLinkPlantedInTheOutputFolderIsNeverFollowed() throws Exception {
        Path scenario = Files.writeString(dir.resolve("short.yaml"), "duration: 500ms\nfaultBackend: none\n");
        Path out = Files.createDirectories(dir.resolve("out"));
        Path victim = Files.writeString(dir.resolve("victim"), "precious");
        long pid = ProcessHandle.current().pid();
        for (String name : List.of(".report.json." + pid + ".tmp", ".timeseries.csv." + pid + ".tmp", "report.json")) {
            Files.createSymbolicLink(out.resolve(name), victim);
        }

        Run r = run("run", scenario.toString(), "--out", out.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(victim)).isEqualTo("precious");
        assertThat(out.resolve("report.json")).isRegularFile().isNotEqualTo(victim);
        assertThat(Files.isSymbolicLink(out.resolve("report.json"))).isFalse();
        assertThat(JSON.readTree(out.resolve("report.json").toFile()).get("completed").asBoolean()).isTrue();
    }

    @Test
    void aNegativeOrZeroDurationIsRefused() {
        Run server = run("server", "--port", "0", "--duration", "-5s");
        assertThat(server.code()).isEqualTo(2);
        assertThat(server.err()).contains("--duration must be positive: -5s");
        assertThat(server.out()).isEmpty();
        assertThat(run("client", "--connect", "127.0.0.1:9", "--duration", "-3s").code()).isEqualTo(2);
        assertThat(run("client", "--connect", "127.0.0.1:9", "--duration", "0s").code()).isEqualTo(2);
    }

    @Test
    void anOutputPathThatIsAFileIsRefusedBeforeTheRun() throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "x");

        Run r = run("run", "server-restart", "--no-sandbox", "--out", file.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--out: " + file + " exists and is not a folder");
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).doesNotContain("running on");
    }

    @Test
    void anOutputFolderThatCannotBeMadeIsRefusedBeforeTheRun() throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "x");

        Run r = run("run", "server-restart", "--no-sandbox", "--out", file.resolve("sub").toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--out: cannot make the folder " + file.resolve("sub"));
        assertThat(r.err()).doesNotContain("running on");
    }

    @Test
    void aBindAddressThatIsInvalidOrDoesNotResolveIsBadInput() {
        Run invalid = run("server", "--bind", "999.1.1.1", "--duration", "1s");
        assertThat(invalid.code()).isEqualTo(2);
        assertThat(invalid.err()).contains("--bind: '999.1.1.1' is neither an IP address nor a host name that resolves");
        assertThat(run("server", "--bind", "nosuchhost.invalid", "--duration", "1s").code()).isEqualTo(2);
    }

    @Test
    void aServerThatDoesNotResolveIsSaidSoAndRetried() {
        Run r = run("client", "--connect", "nosuchhost.invalid:8898", "--duration", "1500ms");

        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("note: nosuchhost.invalid does not resolve; the clients keep retrying");
        assertThat(r.out()).contains("reconnect-attempt").contains("(nosuchhost.invalid does not resolve)");
    }

    @Test
    void anUnknownScenarioNameListsTheBundledOnes() {
        Run r = run("run", "nosuch", "--no-sandbox");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("nosuch: no such file, and no bundled scenario of that name; the bundled ones "
                + "are cable-pull, keepalive-tuning");
    }

    @Test
    void theListOfBundledScenariosGivesTheirDescriptions() {
        Run r = run("run", "--list");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("cable-pull\n    A cable pull on four teaching clients")
                .contains("server-restart\n    Six teaching clients");
    }

    @Test
    void helpNamesACommand() {
        Run r = run("help", "run");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Usage: heartbeat-lab run").contains("--out");
    }

    @Test
    void aPortInUseIsARuntimeFailure() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Run r = run("server", "--port", String.valueOf(taken.getLocalPort()), "--duration", "1s");
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void theServersFirstJsonLineNamesItsPort() {
        Run r = run("server", "--port", "0", "--duration", "300ms", "--json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode first = parse(r.out().lines().findFirst().orElseThrow());
        assertThat(first.get("event").asText()).isEqualTo("server-started");
        assertThat(first.get("port").asInt()).isPositive();
    }
}
