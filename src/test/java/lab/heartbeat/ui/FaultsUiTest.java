package lab.heartbeat.ui;

import lab.heartbeat.ui.lab.LiveLab;
import lab.heartbeat.ui.lab.StartupLab;
import lab.heartbeat.ui.lab.FaultStatus;
import lab.heartbeat.ui.lab.RaceSnapshot;
import lab.heartbeat.ui.connections.StateBadge;
import lab.heartbeat.ui.charts.ChartMarker;
import static lab.heartbeat.ui.DashboardFixture.fx;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import lab.heartbeat.fault.FaultBackendChoice;
import lab.heartbeat.lab.Lab;
import org.junit.jupiter.api.Test;

/**
 * Faults made from the dashboard as a user would. Headless tests run in the host's network
 * namespace, so the lab falls back to the proxy backend: the app heartbeat still detects.
 */
class FaultsUiTest {

    @Test
    void pullingTheCableOfTheHeartbeatClientShowsItsDetectionAndPlugInBringsItBack() throws Exception {
        try (DashboardFixture d = new DashboardFixture()) {
            d.awaitFx(() -> d.upBadges() == 4);
            String backend = fx(() -> d.robot.lookup("#status-fault-backend").queryAs(Label.class).getText());
            assertThat(backend).contains("fault backend: proxy").contains("namespace: host");
            String details = fx(() -> d.robot.lookup("#status-fault-details").queryAs(Label.class).getText());
            assertThat(details).contains("kernel faults are unavailable").contains("OS keepalive");
            assertThat(fx(() -> d.robot.lookup("#latency").queryAs(Button.class).isDisabled())).isFalse();

            d.robot.clickOn("app-heartbeat-1");
            d.awaitFx(() -> d.model().connections().selectedClients().equals(java.util.List.of("app-heartbeat-1")));
            d.clickButton("#pull-cable");
            d.awaitFx(() -> d.model().connections().row("app-heartbeat-1").state() != StateBadge.UP
                    && hasDetection(d, 1, "app-heartbeat"));
            assertThat(fx(() -> d.dashboard.view().side().getSelectionModel().getSelectedItem().getId()))
                    .isEqualTo("race-tab");
            // The table states the detection with the race's own figure: the delay after the fault's t0.
            d.awaitFx(() -> theRaceFigure(d, "app-heartbeat-1").equals(
                    d.model().connections().row("app-heartbeat-1").lastDetectionProperty().get()));
            assertThat(fx(() -> d.model().connections().row("app-heartbeat-1").lastDetectionProperty().get()))
                    .matches("app-heartbeat \\d+\\.\\d ms after fault-1");
            assertThat(fx(() -> d.robot.lookup("#connections .table-cell").queryAll().stream()
                    .map(n -> (javafx.scene.control.TableCell<?, ?>) n)
                    .filter(c -> c.getTableColumn() != null && "col-last-detection".equals(c.getTableColumn().getId())
                            && c.getText() != null && !c.getText().isEmpty())
                    .map(c -> ((javafx.scene.text.Text) c.lookup(".text")).getText()).toList()))
                    .as("the last detection shows whole").singleElement().asString().endsWith("after fault-1");
            assertThat(fx(() -> d.robot.lookup("#race-summary").queryAs(Label.class).getText()))
                    .contains("fault-1: cable-pull by proxy on app-heartbeat-1");
            assertThat(fx(() -> d.robot.lookup("#explanation-proxy").tryQuery().isPresent())).isTrue();
            d.awaitFx(() -> d.dashboard.view().charts().markers().stream()
                    .anyMatch(m -> m.kind() == ChartMarker.Kind.FAULT)
                    && d.dashboard.view().charts().markers().stream()
                    .anyMatch(m -> m.label().equals("client: app-heartbeat")));
            assertThat(Files.size(d.screenshot("dashboard-cable-pulled"))).isGreaterThan(10_000);
            assertThat(Files.size(d.screenshot("race-panel", fx(() -> d.dashboard.view().race()))))
                    .isGreaterThan(5_000);

            d.clickButton("#plug-in");
            d.awaitFx(() -> d.model().connections().row("app-heartbeat-1").state() == StateBadge.UP
                    && d.model().races().races().get(0).clearedSeconds() > 0);

            // The keyboard: P pulls, U plugs in, with the table focused.
            d.robot.clickOn("app-heartbeat-1");
            d.robot.type(KeyCode.P);
            d.awaitFx(() -> d.model().races().races().size() == 2 && d.model().connections().row("app-heartbeat-1").state() != StateBadge.UP
                    && hasDetection(d, 2, "app-heartbeat"));
            d.robot.type(KeyCode.U);
            d.awaitFx(() -> d.model().races().races().get(1).clearedSeconds() > 0
                    && d.model().connections().row("app-heartbeat-1").state() == StateBadge.UP);
            assertThat(fx(() -> d.robot.lookup("#pull-cable").queryAs(Button.class).getTooltip().getText()))
                    .endsWith("(P)");
        }
    }

    @Test
    void whatTheBackendCannotDoIsDisabledWithTheReason() throws Exception {
        Lab lab = Lab.start(StartupLab.config().withFaults(FaultBackendChoice.NONE, false));
        try (DashboardFixture d = new DashboardFixture(new LiveLab(lab))) {
            d.awaitFx(() -> d.upBadges() == 4);
            Button pull = fx(() -> d.robot.lookup("#pull-cable").queryAs(Button.class));
            assertThat(fx(pull::isDisabled)).isTrue();
            assertThat(fx(() -> pull.getTooltip().getText()))
                    .isEqualTo("cable-pull is unavailable: no network faults (fault backend none)");
            assertThat(fx(() -> d.robot.lookup("#latency").queryAs(Button.class).getTooltip().getText()))
                    .startsWith("latency is unavailable: ");
            assertThat(fx(() -> d.robot.lookup("#freeze-client").queryAs(Button.class).isDisabled())).isFalse();
            assertThat(fx(() -> d.robot.lookup("#status-fault-backend").queryAs(Label.class).getText()))
                    .startsWith("fault backend: none");

            // Freezing works without a network backend; the race panel shows why keepalive cannot see it.
            d.robot.clickOn("app-heartbeat-1");
            d.clickButton("#freeze-server");
            d.awaitFx(() -> hasDetection(d, 1, "app-heartbeat"));
            assertThat(fx(() -> d.robot.lookup("#explanation-frozen").tryQuery().isPresent())).isTrue();
            d.robot.clickOn("app-heartbeat-1");
            d.robot.type(KeyCode.P);
            d.awaitFx(() -> d.model().status().messageProperty().get().startsWith("cable-pull is unavailable"));
        }
    }

    @Test
    void restartDisablesItsButtonWhileTheServerIsDownAndOtherCommandsGoOn() throws Exception {
        FakeLab lab = new FakeLab();
        lab.faultStatus = new FaultStatus("fake", "host", "", "", java.util.Map.of());
        org.testfx.api.FxToolkit.registerPrimaryStage();
        Dashboard dashboard = fx(() -> {
            Dashboard dash = new Dashboard(lab, (owner, title) -> null);
            dash.show(new javafx.stage.Stage());
            return dash;
        });
        org.testfx.api.FxRobot robot = new org.testfx.api.FxRobot();
        try {
            Button restart = fx(() -> robot.lookup("#server-restart").queryAs(Button.class));
            assertThat(fx(restart::isDisabled)).isFalse();
            fx(() -> {
                restart.fire();
                return null;
            });
            assertThat(lab.restartBegun.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(fx(restart::isDisabled)).isTrue();
            assertThat(fx(() -> dashboard.model().faults().restartingProperty().get())).isTrue();

            // The command thread is free: clients are added while the server is down.
            fx(() -> {
                dashboard.model().connections().addClients();
                return null;
            });
            org.awaitility.Awaitility.await().atMost(DashboardFixture.PATIENCE)
                    .until(() -> fx(() -> dashboard.model().connections().rows().size() == 1));
            assertThat(fx(restart::isDisabled)).isTrue();

            lab.restartMayEnd.countDown();
            org.awaitility.Awaitility.await().atMost(DashboardFixture.PATIENCE).until(() -> fx(() -> !restart.isDisabled()));
            assertThat(fx(() -> dashboard.model().status().messageProperty().get())).isEqualTo("server back after 1s");
        } finally {
            lab.restartMayEnd.countDown();
            org.testfx.api.FxToolkit.cleanupStages();
            dashboard.close();
        }
    }

    /** How the race panel states this client's own detection, as the table should. */
    /**
     * The race's figure for the client's latest detection, which the table shows: through the proxy a
     * pulled client reconnects to the relay and is detected again, each time within the same race.
     */
    private static String theRaceFigure(DashboardFixture d, String client) {
        return d.dashboard.view().race().entries().stream()
                .filter(e -> e.client().equals(client) && e.side().equals("client") && e.isDetection())
                .max(java.util.Comparator.comparingDouble(RaceSnapshot.Entry::measuredMs))
                .map(e -> String.format(java.util.Locale.ROOT, "%s %.1f ms after fault-1", e.cause(), e.measuredMs()))
                .orElse("no detection in the race");
    }

    /** Whether race number {@code n} shows, in its panel, a detection by this mechanism. */
    private static boolean hasDetection(DashboardFixture d, int n, String mechanism) {
        RaceSnapshot shown = d.model().races().shownRaceProperty().get();
        return shown != null && shown.id() == n && d.dashboard.view().race().entries().stream()
                .anyMatch(e -> mechanism.equals(e.mechanism()) && e.measuredMs() > 0);
    }
}
