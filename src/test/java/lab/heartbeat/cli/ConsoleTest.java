package lab.heartbeat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees of each command: the program's own lines, never a library's. */
class ConsoleTest {
    private static final List<String> LIBRARY_NOISE = List.of("SLF4J", "MacAddressUtil", "WARNING", "io.netty",
            "Unsupported JavaFX configuration");

    @TempDir
    Path dir;

    private record Output(int code, String out, String err) {
    }

    private Output run(String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "lab.heartbeat.cli.Main"));
        argv.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(argv).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
        } finally {
            p.destroyForcibly();
        }
        return new Output(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static void assertOnlyOwnLines(Output o) {
        assertThat(o.out() + o.err()).doesNotContain(LIBRARY_NOISE.toArray(String[]::new));
    }

    @Test
    void theServerAndTheClientPrintOnlyTheirOwnLines() throws Exception {
        Output server = run("server", "--port", "0", "--duration", "500ms");
        assertThat(server.code()).as(server.err()).isZero();
        assertThat(server.out()).contains("server-started");
        assertOnlyOwnLines(server);

        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Output client = run("client", "--connect", "127.0.0.1:" + closed, "--duration", "500ms");
        assertThat(client.code()).as(client.err()).isZero();
        assertOnlyOwnLines(client);
    }

    @Test
    void aRunInItsNamespacePrintsOnlyItsOwnLines() throws Exception {
        Path scenario = Files.writeString(dir.resolve("short.yaml"), """
                duration: 1s
                server: {port: 0, preset: teaching}
                clients:
                  - {name: hb, count: 1, profile: app-heartbeat, preset: teaching}
                """);

        Output run = run("run", scenario.toString(), "--out", dir.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("wrote ");
        assertOnlyOwnLines(run);
    }

    @Test
    void javaFxsClassPathWarningIsSilencedAndErrorsAreNot() {
        Main.quietLibraries();
        assertThat(Logger.getLogger("javafx").isLoggable(Level.WARNING)).isFalse();
        assertThat(Logger.getLogger("javafx").isLoggable(Level.SEVERE)).isTrue();
        assertThat(Logger.getLogger("io.netty.util.internal.MacAddressUtil").isLoggable(Level.WARNING)).isFalse();
    }
}
