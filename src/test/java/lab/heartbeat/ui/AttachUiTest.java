package lab.heartbeat.ui;

import static lab.heartbeat.ui.DashboardFixture.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import lab.heartbeat.cli.Sandboxes;
import lab.heartbeat.ui.lab.RaceSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard attached to a second lab process, as a user does it: "Attach to lab…", the
 * address typed, the other lab's clients in the table with their lab, one of their cables pulled
 * and that fault's race in the race panel; then detached, and the other process gone.
 */
class AttachUiTest {
    private static final Pattern CONTROL = Pattern.compile("control API on http://127\\.0\\.0\\.1:(\\d+)/");

    @TempDir
    Path dir;

    private Process other;

    @AfterEach
    void stop() throws Exception {
        if (other != null) {
            other.descendants().forEach(ProcessHandle::destroyForcibly);
            other.destroyForcibly();
            other.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** A sandboxed {@code run} of a long scenario with no actions; returns its control API's port. */
    private int startOtherLab() throws Exception {
        String why = Sandboxes.unavailable();
        assumeTrue(why == null || "1".equals(System.getenv("HEARTBEAT_LAB_REQUIRE_KERNEL")),
                "the other lab's run makes kernel faults in a private namespace, unavailable here: " + why);
        Path scenario = Files.writeString(dir.resolve("other.yaml"), """
                name: other
                duration: 300s
                server: {port: 0, preset: teaching}
                clients:
                  - {name: hb, count: 2, profile: app-heartbeat, preset: teaching}
                """);
        Path err = dir.resolve("err.txt");
        other = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), "lab.heartbeat.cli.Main",
                "run", scenario.toString(), "--out", dir.resolve("out").toString(), "--control", "0")
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(err.toFile()).start();
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(err).contains("control API on")
                || !other.isAlive());
        Matcher m = CONTROL.matcher(Files.readString(err));
        assertThat(m.find()).as("the other lab says where its API is: " + Files.readString(err)).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void attachingASecondLabShowsItsClientsAndPullsOneOfTheirCables() throws Exception {
        int port = startOtherLab();
        String address = "127.0.0.1:" + port;
        String remoteClient = "hb-1@" + address;
        try (DashboardFixture d = new DashboardFixture()) {
            d.awaitFx(() -> d.upBadges() == 4);
            assertThat(labColumnShown(d)).as("one lab: no lab column").isFalse();

            d.robot.clickOn("Lab");
            d.robot.clickOn(d.node("#lab-attach"));
            d.robot.clickOn(d.node("#attach-address")).write("127.0.0.1");
            assertThat(fx(() -> ((Button) d.node("#attach-ok")).isDisabled())).as("not host:port yet").isTrue();
            d.robot.write(":" + port);
            d.awaitFx(() -> !((Button) d.node("#attach-ok")).isDisabled());
            d.robot.clickOn(d.node("#attach-ok"));

            d.awaitFx(() -> d.model().connections().row(remoteClient) != null
                    && d.model().connections().row(remoteClient).state().label().equals("up")
                    && d.model().connections().row("hb-2@" + address) != null);
            assertThat(fx(() -> d.robot.lookup("#attach-address").tryQuery().isEmpty())).as("the dialog closed").isTrue();
            assertThat(labColumnShown(d)).isTrue();
            assertThat(labCells(d)).contains("local", address);

            d.robot.clickOn("hb-1");
            d.awaitFx(() -> d.model().connections().selectedClients().equals(List.of(remoteClient)));
            d.clickButton("#pull-cable");

            d.awaitFx(() -> {
                RaceSnapshot shown = d.model().races().shownRaceProperty().get();
                return shown != null && shown.source().equals(address) && shown.targets().equals(List.of(remoteClient))
                        && shown.detections().stream().anyMatch(e -> e.client().equals(remoteClient));
            });
            RaceSnapshot race = fx(() -> d.model().races().shownRaceProperty().get());
            assertThat(race.backend()).isEqualTo("kernel");
            d.awaitFx(() -> ((Label) d.node("#race-summary")).getText().contains("cable-pull by kernel on " + remoteClient));
            d.awaitFx(() -> d.model().status().messageProperty().get().contains("cable-pull on " + remoteClient));
            d.awaitFx(() -> d.model().connections().row(remoteClient).lastDetectionProperty().get()
                    .matches("app-heartbeat \\d+\\.\\d ms after fault-1"));
            d.awaitFx(() -> d.model().charts().chartedClients().equals(List.of(remoteClient))
                    && d.dashboard.view().charts().markers().stream()
                    .anyMatch(m -> m.label().equals("client: app-heartbeat")));
            Path shot = d.screenshot("attach-remote-lab");
            assertThat(shot).exists();

            d.robot.clickOn("Lab");
            d.robot.clickOn(d.node("#lab-detach-127-0-0-1-" + port));
            d.awaitFx(() -> d.model().connections().row(remoteClient) == null
                    && d.model().races().races().stream().noneMatch(r -> r.source().equals(address)));
            assertThat(labColumnShown(d)).isFalse();
        }
        other.destroy();
        assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
        // A thread that was ended may take a moment to be gone.
        await().atMost(Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("events-") || t.getName().startsWith("attached-")));
    }

    @Test
    void anAddressWhereNoLabAnswersIsSaidInTheDialog() throws Exception {
        int free;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            free = s.getLocalPort();
        }
        try (DashboardFixture d = new DashboardFixture()) {
            d.robot.clickOn("Lab");
            d.robot.clickOn(d.node("#lab-attach"));
            d.robot.clickOn(d.node("#attach-address")).write("127.0.0.1:" + free);
            d.robot.clickOn(d.node("#attach-ok"));

            d.awaitFx(() -> ((Label) d.node("#attach-error")).getText().startsWith("no lab answers at 127.0.0.1:" + free));
            assertThat(fx(() -> d.robot.lookup("#attach-address").tryQuery().isPresent())).as("the dialog stays open").isTrue();
            assertThat(DashboardFixture.screenshotOf("attach-dialog-error", d.node(".dialog-pane"))).exists();
            d.robot.clickOn("Cancel");
        }
    }

    private static boolean labColumnShown(DashboardFixture d) throws Exception {
        return fx(() -> ((javafx.scene.control.TableView<?>) d.node("#connections")).getColumns().stream()
                .filter(c -> "col-lab".equals(c.getId())).findFirst().orElseThrow().isVisible());
    }

    private static List<String> labCells(DashboardFixture d) throws Exception {
        return fx(() -> d.robot.lookup("#connections .table-cell").queryAll().stream()
                .map(n -> (TableCell<?, ?>) n)
                .filter(c -> c.getTableColumn() != null && "col-lab".equals(c.getTableColumn().getId())
                        && c.getText() != null)
                .map(TableCell::getText).distinct().toList());
    }
}
