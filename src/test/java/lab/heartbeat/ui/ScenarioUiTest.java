package lab.heartbeat.ui;

import lab.heartbeat.ui.lab.RaceSnapshot;
import static lab.heartbeat.ui.DashboardFixture.fx;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenario runs from the dashboard's menu, watched on the same views, stopped and exported. */
class ScenarioUiTest {
    private DashboardFixture d;

    @BeforeEach
    void open() throws Exception {
        d = new DashboardFixture();
        d.awaitFx(() -> d.upBadges() == 4);
    }

    @AfterEach
    void close() throws Exception {
        d.close();
    }

    @Test
    void aBundledScenarioRunsFromTheMenuOnTheSameViewsAndExports(@TempDir Path folder) throws Exception {
        List<String> statuses = new java.util.concurrent.CopyOnWriteArrayList<>();
        fx(() -> {
            d.dashboard.scenarios().statusProperty().addListener((o, old, now) -> statuses.add(now));
            return null;
        });
        d.robot.clickOn("Scenario");
        d.robot.clickOn(d.node("#scenario-cable-pull"));
        // While it runs, the views show the run's lab, with progress.
        d.awaitFx(() -> d.model().status().labNameProperty().get().equals("cable-pull")
                && d.dashboard.scenarios().progressProperty().get() > 0.05
                && d.dashboard.scenarios().runningProperty().get());
        d.awaitFx(() -> d.model().races().races().stream().anyMatch(r -> r.source().equals("cable-pull")
                && r.detections().stream().anyMatch(e -> e.mechanism().equals("app-heartbeat"))));
        await(() -> !d.dashboard.scenarios().runningProperty().get());
        assertThat(fx(() -> d.dashboard.scenarios().resultProperty().get().completed())).isTrue();
        assertThat(fx(() -> d.robot.lookup("#scenario-status").queryLabeled().getText())).startsWith("cable-pull: completed");
        assertThat(statuses).filteredOn(t -> t.contains(" at ")).isNotEmpty()
                .allMatch(t -> t.matches("cable-pull at \\d+\\.\\d s: .*"), "a step's time in tenths of a second");
        // Back on the dashboard's own lab; the run's race stays in the list and is shown.
        d.awaitFx(() -> d.model().status().labNameProperty().get().equals(RaceSnapshot.LIVE) && d.upBadges() == 4);
        assertThat(fx(() -> d.model().races().shownRaceProperty().get().source())).isEqualTo("cable-pull");

        // Nothing was selected: the charts pictured are the whole lab's.
        d.exportFolder.set(folder.toFile());
        d.robot.clickOn("Scenario");
        d.robot.clickOn(d.node("#scenario-export"));
        List<Path> expected = List.of(folder.resolve("report.json"), folder.resolve("timeseries.csv"),
                folder.resolve("chart-states.png"), folder.resolve("chart-rates.png"), folder.resolve("race-1.png"));
        d.awaitFx(() -> expected.stream().allMatch(Files::isRegularFile)
                && d.dashboard.scenarios().statusProperty().get().startsWith("exported"));
        assertThat(Files.readString(folder.resolve("report.json"))).contains("cable-pull");
        assertThat(Files.size(folder.resolve("race-1.png"))).isGreaterThan(5_000);
        assertThat(d.chooserTitle.get()).as("the run's chooser is not titled for PNG charts")
                .isEqualTo("Export the run (report, time series, charts, races) into");
    }

    @Test
    void stopEndsARunEarly(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("long.yaml");
        Files.writeString(file, """
                name: long
                duration: 60s
                server: {port: 0, preset: teaching}
                clients:
                  - {name: app-heartbeat, count: 2, profile: app-heartbeat, preset: teaching}
                timeline:
                  - {at: 1s, do: cable-pull, target: app-heartbeat-1}
                """);
        d.scenarioFile.set(file.toFile());
        d.robot.clickOn("Scenario");
        d.robot.clickOn(d.node("#scenario-open"));
        d.awaitFx(() -> d.model().status().labNameProperty().get().equals("long") && d.model().connections().rows().size() == 2
                && d.dashboard.scenarios().progressProperty().get() > 0);
        d.clickButton("#scenario-stop");
        d.awaitFx(() -> !d.dashboard.scenarios().runningProperty().get());
        assertThat(fx(() -> d.dashboard.scenarios().resultProperty().get().completed())).isFalse();
        assertThat(fx(() -> d.dashboard.scenarios().statusProperty().get())).startsWith("long: stopped");
        d.awaitFx(() -> d.model().status().labNameProperty().get().equals(RaceSnapshot.LIVE) && d.model().connections().rows().size() == 4);
    }

    @Test
    void aBadScenarioFileShowsWhereAndWhy(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("bad.yaml");
        Files.writeString(file, """
                name: bad
                duration: 10s
                server: {port: 0, preset: teaching}
                clients:
                  - {name: a, count: 1, profile: no-such-profile, preset: teaching}
                """);
        d.scenarioFile.set(file.toFile());
        d.robot.clickOn("Scenario");
        d.robot.clickOn(d.node("#scenario-open"));
        d.awaitFx(() -> !d.dashboard.scenarios().runningProperty().get()
                && d.dashboard.scenarios().statusProperty().get().contains("bad.yaml:5"));
        assertThat(fx(() -> d.dashboard.scenarios().statusProperty().get())).contains("profile");
        assertThat(fx(() -> d.model().status().labNameProperty().get())).isEqualTo(RaceSnapshot.LIVE);
    }

    private void await(java.util.concurrent.Callable<Boolean> condition) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(40))
                .pollInterval(java.time.Duration.ofMillis(200)).until(() -> fx(condition));
    }
}
