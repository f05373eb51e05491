package lab.heartbeat.ui;

import static lab.heartbeat.ui.DashboardFixture.fx;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dashboard --scenario --export --exit}: the run starts at once, is exported whole, and the window closes. */
class CommandLineRunUiTest {

    @Test
    void theScenarioRunsAtOnceAndItsExportCarriesEachRaceWholeBeforeTheExitCode(@TempDir Path folder)
            throws Exception {
        Path scenario = folder.resolve("pull.yaml");
        Files.writeString(scenario, """
                name: pull
                duration: 4s
                seed: 1
                server: {port: 0, preset: teaching}
                clients:
                  - {name: hb, count: 2, profile: app-heartbeat, preset: teaching}
                timeline:
                  - {at: 500ms, do: cable-pull, target: all}
                  - {at: 3s, do: plug-in, target: all}
                """);
        Path out = folder.resolve("out");
        AtomicInteger exitCode = new AtomicInteger(-1);
        try (DashboardFixture d = new DashboardFixture()) {
            fx(() -> {
                CommandLineRun.parse(new String[] {"--scenario", scenario.toString(), "--export", out.toString(),
                        "--exit"}).start(d.dashboard.scenarios(), exitCode::set, System.err);
                return null;
            });
            d.awaitFx(() -> exitCode.get() >= 0);

            assertThat(exitCode.get()).isZero();
            for (String file : List.of("report.json", "timeseries.csv", "chart-states.png", "chart-rates.png", "race-1.png")) {
                assertThat(out.resolve(file)).isRegularFile();
            }
            assertThat(Files.size(out.resolve("race-1.png"))).isGreaterThan(10_000);
            Files.copy(out.resolve("race-1.png"), Files.createDirectories(Path.of("target", "screenshots"))
                    .resolve("exported-race-1.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void optionsAreReadAsTheCommandPassesThem() {
        assertThat(CommandLineRun.parse(new String[] {"--scenario", "cable-pull", "--export", "/tmp/x", "--exit"}))
                .isEqualTo(new CommandLineRun("cable-pull", Path.of("/tmp/x"), true));
        assertThat(CommandLineRun.parse(new String[0])).isEqualTo(CommandLineRun.NONE);
        assertThat(CommandLineRun.parse(new String[] {"dashboard", "--metrics", "9100", "--scenario", "x"}))
                .isEqualTo(new CommandLineRun("x", null, false));
    }
}
