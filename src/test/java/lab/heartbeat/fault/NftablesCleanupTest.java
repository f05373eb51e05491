package lab.heartbeat.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import lab.heartbeat.detect.ProfileKind;
import lab.heartbeat.lab.Lab;
import lab.heartbeat.testing.KernelFaults;
import lab.heartbeat.testing.TeachingLab;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No nftables table of the lab outlives it: not after close(), not after Ctrl-C, not after kill -9. */
@Tag("kernel")
class NftablesCleanupTest {
    @TempDir
    Path dir;

    @BeforeEach
    void kernel() {
        KernelFaults.assumeAvailable();
    }

    private static String tables() throws Exception {
        Process p = new ProcessBuilder("nft", "list", "tables").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private static String tableOf(long pid) {
        return "heartbeat_lab_" + pid + "_";
    }

    @Test
    void closeRemovesTheTable() throws Exception {
        String table;
        try (Lab lab = Lab.start(TeachingLab.config(FaultBackendChoice.KERNEL,
                Map.of("hb", TeachingLab.profile(ProfileKind.APP_HEARTBEAT))))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> TeachingLab.settled(lab, Duration.ZERO));
            lab.inject(FaultKind.CABLE_PULL, "all", null);
            table = lab.faultBackendNote().replaceAll(".*table (\\w+).*", "$1");
            assertThat(tables()).contains(table);
        }
        assertThat(tables()).doesNotContain(table);
    }

    private Process runScenario() throws IOException {
        Path scenario = dir.resolve("long.yaml");
        Files.writeString(scenario, """
                name: long
                duration: 60s
                faultBackend: kernel
                clients:
                  - {name: hb, count: 2, profile: app-heartbeat, preset: teaching}
                timeline:
                  - {at: 500ms, do: cable-pull, target: all}
                """);
        String java = ProcessHandle.current().info().command().orElseThrow();
        return new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "lab.heartbeat.cli.Main", "run", scenario.toString(), "--out", dir.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("run.log").toFile()).start();
    }

    @Test
    void ctrlCOfRunRemovesTheTable() throws Exception {
        Process run = runScenario();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> tables().contains(tableOf(run.pid())));
            new ProcessBuilder("kill", "-INT", String.valueOf(run.pid())).start().waitFor();
            assertThat(run.waitFor(20, TimeUnit.SECONDS)).as("run stops on Ctrl-C").isTrue();
            assertThat(tables()).doesNotContain(tableOf(run.pid()));
        } finally {
            run.destroyForcibly().waitFor();
        }
    }

    @Test
    void theNextStartRemovesTheTableOfAKilledRun() throws Exception {
        Process run = runScenario();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> tables().contains(tableOf(run.pid())));
            run.destroyForcibly().waitFor();
            assertThat(tables()).as("kill -9 leaves the table").contains(tableOf(run.pid()));

            try (NftablesFaults next = NftablesFaults.open(40000, false)) {
                assertThat(tables()).doesNotContain(tableOf(run.pid())).contains(next.table());
            }
        } finally {
            run.destroyForcibly().waitFor();
        }
    }
}
