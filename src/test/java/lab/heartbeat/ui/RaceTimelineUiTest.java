package lab.heartbeat.ui;

import static lab.heartbeat.ui.DashboardFixture.fx;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import lab.heartbeat.detect.Cause;
import lab.heartbeat.detect.Prediction;
import lab.heartbeat.detect.Side;
import lab.heartbeat.fault.FaultKind;
import lab.heartbeat.lab.FaultRecord;
import lab.heartbeat.lab.TestRaces;
import lab.heartbeat.telemetry.Detection;
import lab.heartbeat.ui.common.Theme;
import lab.heartbeat.ui.race.RaceTimeline;
import org.junit.jupiter.api.Test;

/** The race timeline as a user reads it: lanes, their order, their labels, pins, groups. */
class RaceTimelineUiTest {

    @Test
    void pullingTheCableOfEveryProfileDrawsALanePerEndWithTheWinnerOnTop() throws Exception {
        try (DashboardFixture d = new DashboardFixture()) {
            d.awaitFx(() -> d.upBadges() == 4);
            fx(() -> {
                d.robot.lookup("#connections").queryAs(TableView.class).getSelectionModel().selectAll();
                return null;
            });
            d.awaitFx(() -> d.model().connections().selectedClients().size() == 4);
            d.clickButton("#pull-cable");
            // Over the proxy, the app heartbeat notices on its client, and the sweep notices the clients that
            // send (heartbeats, beacons) on the server; keepalive sees nothing, as the kernels still answer.
            d.awaitFx(() -> timeline(d).laneLabels().containsAll(List.of("app-heartbeat-1 · server",
                    "beacon-1 · server")));

            List<String> lanes = fx(() -> timeline(d).laneLabels());
            List<String> marks = fx(() -> timeline(d).markLabels());
            assertThat(lanes.get(0)).isEqualTo("★ app-heartbeat-1 · client");
            assertThat(marks.get(0)).startsWith("app-heartbeat ").contains(" ms (");
            assertThat(marks).filteredOn(m -> m.startsWith("server-sweep ")).hasSizeGreaterThanOrEqualTo(2);
            assertThat(lanes).endsWith("os-keepalive-1");
            List<Double> measured = fx(() -> d.dashboard.view().race().entries().stream()
                    .map(e -> e.measuredMs()).toList());
            assertThat(measured).isSorted();
            assertThat(fx(() -> d.robot.lookup("#explanation-app-heartbeat").tryQuery().isPresent())).isTrue();
            assertThat(fx(() -> d.robot.lookup("#explanation-server-sweep").tryQuery().isPresent())).isTrue();
            assertThat(fx(() -> d.robot.lookup("#race-timeline-legend").tryQuery().isPresent())).isTrue();
            assertThat(Files.size(d.screenshot("race-timeline-4-clients", fx(() -> d.dashboard.view().race()))))
                    .isGreaterThan(10_000);
            assertThat(Files.size(d.screenshot("dashboard-4-clients-pulled"))).isGreaterThan(10_000);

            d.clickButton("#plug-in");
            // Back: the three whose connections were closed; keepalive's connection outlived the pull.
            d.awaitFx(() -> d.upBadges() == 4 && d.robot.lookup(".timeline-back").queryAll().size() == 3);
        }
    }

    @Test
    void aPinnedRaceStaysWhileNewFaultsComeAndFollowingTheLatestShowsThemAgain() throws Exception {
        FakeLab lab = new FakeLab();
        try (DashboardFixture d = new DashboardFixture(lab)) {
            showRaceTab(d);
            lab.addRace(keepaliveRace(1));
            d.awaitFx(() -> timeline(d).laneLabels().size() == 2);
            lab.addRace(keepaliveRace(2));
            d.awaitFx(() -> d.model().races().races().size() == 2 && d.model().races().shownRaceProperty().get().id() == 2);
            assertThat(fx(() -> d.robot.lookup("#race-follow-latest").queryAs(Button.class).isVisible())).isFalse();
            assertThat(fx(() -> d.robot.lookup(".timeline-window").queryAll().size())).isEqualTo(2);

            fx(() -> {
                d.model().races().chooseRace(d.model().races().races().get(0));
                return null;
            });
            lab.addRace(keepaliveRace(3));
            d.awaitFx(() -> d.model().races().races().size() == 3);
            assertThat(fx(() -> d.model().races().shownRaceProperty().get().id())).isEqualTo(1);
            assertThat(fx(() -> d.robot.lookup("#race-pinned").queryAs(Label.class).getText()))
                    .isEqualTo("Pinned to fault-1: newer faults do not show here.");
            Button latest = fx(() -> d.robot.lookup("#race-follow-latest").queryAs(Button.class));
            assertThat(fx(latest::isVisible)).isTrue();

            d.robot.clickOn(latest);
            d.awaitFx(() -> d.model().races().shownRaceProperty().get().id() == 3 && !latest.isVisible());
            lab.addRace(keepaliveRace(4));
            d.awaitFx(() -> d.model().races().shownRaceProperty().get().id() == 4);
        }
    }

    @Test
    void aServerRestartOf200ClientsShowsItsGroupsAndWhenEachClientGroupWasBack() throws Exception {
        FakeLab lab = new FakeLab();
        try (DashboardFixture d = new DashboardFixture(lab)) {
            showRaceTab(d);
            lab.addRace(restartRace());
            d.awaitFx(() -> timeline(d).laneLabels().size() == 4);

            assertThat(fx(() -> timeline(d).laneLabels())).containsExactly("★ ▸ server local-close ×200",
                    "▸ client peer-closed ×200", "lockstep back 100/100", "jittered back 100/100");
            assertThat(fx(() -> timeline(d).markLabels())).containsExactly(
                    "first 16 ms · median 26 ms · last 36 ms",
                    "first 22 ms · median 72 ms · last 122 ms",
                    "first 2,630 ms · median 2,655 ms · last 2,680 ms",
                    "first 2,188 ms · median 2,678 ms · last 3,178 ms");
            assertThat(Files.size(d.screenshot("race-timeline-200-clients", fx(() -> d.dashboard.view().race()))))
                    .isGreaterThan(10_000);

            d.robot.clickOn(d.node("#timeline-group-client-peer-closed"));
            d.awaitFx(() -> timeline(d).laneLabels().contains("   lockstep-1"));
            assertThat(fx(() -> timeline(d).laneLabels())).contains("▾ client peer-closed ×200",
                    "   and 190 more in the table");

            fx(() -> {
                d.model().themeProperty().set(Theme.DARK);
                return null;
            });
            assertThat(Files.size(d.screenshot("race-timeline-200-clients-dark", fx(() -> d.dashboard.view().race()))))
                    .isGreaterThan(10_000);
        }
    }

    private static void showRaceTab(DashboardFixture d) throws Exception {
        fx(() -> {
            d.dashboard.view().side().getSelectionModel().select(d.dashboard.view().side().getTabs().stream()
                    .filter(t -> "race-tab".equals(t.getId())).findFirst().orElseThrow());
            return null;
        });
    }

    private static RaceTimeline timeline(DashboardFixture d) {
        return d.dashboard.view().race().timeline();
    }

    /** A kernel cable pull on two keepalive clients: windows for predictions, one client back. */
    static lab.heartbeat.lab.Race keepaliveRace(int id) {
        List<String> targets = List.of("os-keepalive-1", "user-timeout-1");
        FaultRecord f = TestRaces.fault(id, FaultKind.CABLE_PULL, "kernel", targets, 1000.0 * id, 1000.0 * id + 600);
        List<Detection> ends = List.of(
                TestRaces.end(f, "user-timeout-1", Side.CLIENT, Cause.USER_TIMEOUT, 3660,
                        TestRaces.predicted(f, 3600, 3620, 3680)),
                TestRaces.end(f, "os-keepalive-1", Side.CLIENT, Cause.OS_KEEPALIVE, 5305,
                        TestRaces.predicted(f, 5200, 5281, 5300)));
        return TestRaces.race(f, ends, Map.of("os-keepalive-1", 5900.0));
    }

    /** lab sheet d: 200 clients in two groups, the server down 1.5 s. */
    static lab.heartbeat.lab.Race restartRace() {
        List<String> targets = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            targets.add("lockstep-" + i);
        }
        for (int i = 1; i <= 100; i++) {
            targets.add("jittered-" + i);
        }
        FaultRecord f = TestRaces.fault(1, FaultKind.SERVER_RESTART, "in-process", targets, 4011, 5544);
        List<Detection> ends = new ArrayList<>();
        Map<String, Double> back = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            String c = targets.get(i);
            ends.add(TestRaces.end(f, c, Side.SERVER, Cause.LOCAL_CLOSE, 16 + i * 0.1, Prediction.NONE));
            ends.add(TestRaces.end(f, c, Side.CLIENT, Cause.PEER_CLOSED, 22 + i * 0.5, Prediction.NONE));
            back.put(c, i < 100 ? 2630 + i * 0.5 : 2188 + (i - 100) * 10.0);
        }
        return TestRaces.race(f, ends, back);
    }
}
