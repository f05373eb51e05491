package lab.heartbeat.ui;

import static lab.heartbeat.ui.DashboardFixture.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import lab.heartbeat.detect.Presets;
import lab.heartbeat.telemetry.DataCount;
import lab.heartbeat.transport.ClientState;
import lab.heartbeat.ui.common.Theme;
import lab.heartbeat.ui.connections.ConnectionRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The connections table as a user reads it: whole names, badges and headers, names in natural order. */
class ConnectionsTableUiTest {
    private final FakeLab lab = new FakeLab();
    private final FxRobot robot = new FxRobot();
    private Dashboard dashboard;

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        if (dashboard != null) {
            dashboard.close();
        }
    }

    @Test
    void twoHundredClientsReadWholeInBothThemes() throws Exception {
        lab.addClients("jittered", 120, Presets.teaching().defaultProfile());
        lab.addClients("os-keepalive.aggressive", 80, Presets.teaching().defaultProfile());
        ClientState[] states = {ClientState.UP, ClientState.BACKOFF, ClientState.CONNECTING, ClientState.STOPPED};
        int i = 0;
        for (String name : List.copyOf(lab.clients.keySet())) {
            lab.states.put(name, states[i++ % states.length]);
        }
        lab.data.put("jittered-1", new DataCount(12, 10, 2));
        open(200);
        await().atMost(DashboardFixture.PATIENCE).until(() -> fx(() -> cellOf("jittered-1", "col-data")).equals("12 / 10 / 2"));
        fx(() -> {
            robot.lookup("#connections").queryAs(TableView.class).getSelectionModel().selectAll();
            return null;
        });
        // The screenshot shows the charts of the selection once they are drawn, not the switch from the aggregate.
        await().atMost(DashboardFixture.PATIENCE).until(() -> fx(() -> ((javafx.scene.control.Label) dashboard.scene()
                .lookup("#charts-note")).getText().startsWith("8 of 200")
                && dashboard.scene().lookup("#charts-note").getParent().getParent().lookupAll(".chart-title").stream()
                        .filter(javafx.scene.Node::isVisible).count() >= 3));
        assertEverythingReadsWhole();
        assertThat(Files.size(screenshot("dashboard-200-clients"))).isGreaterThan(10_000);
        fx(() -> {
            dashboard.model().themeProperty().set(Theme.DARK);
            return null;
        });
        assertEverythingReadsWhole();
        assertThat(Files.size(screenshot("dashboard-200-clients-dark"))).isGreaterThan(10_000);
        assertThat(fx(() -> promptBrightness())).as("the filter's placeholder reads on the dark field").isGreaterThan(0.5);
    }

    @Test
    void sortingByClientPutsElevenBeforeOneHundred() throws Exception {
        lab.addClients("jittered", 120, Presets.teaching().defaultProfile());
        open(120);
        robot.clickOn((Node) fx(() -> robot.lookup("#col-client").query()));
        List<String> sorted = fx(() -> robot.lookup("#connections").<ConnectionRow>queryTableView()
                .getItems().stream().map(ConnectionRow::client).toList());
        assertThat(sorted).startsWith("jittered-1", "jittered-2", "jittered-3");
        assertThat(sorted.indexOf("jittered-11")).isLessThan(sorted.indexOf("jittered-100"));
        assertThat(sorted).endsWith("jittered-119", "jittered-120");
    }

    private void assertEverythingReadsWhole() throws Exception {
        await().atMost(DashboardFixture.PATIENCE).until(() -> fx(() -> robot.lookup(".badge.state-backoff").tryQuery()
                .isPresent() && robot.lookup(".badge.state-connecting").tryQuery().isPresent()));
        List<String> cut = fx(() -> {
            List<String> found = new ArrayList<>();
            for (Node n : robot.lookup("#connections .column-header .label").queryAll()) {
                found.addAll(cutText((Labeled) n, "header"));
            }
            for (Node n : robot.lookup("#connections .badge").queryAll()) {
                found.addAll(cutText((Labeled) n, "badge"));
            }
            for (Node n : robot.lookup("#connections .table-cell").queryAll()) {
                found.addAll(cutText((Labeled) n, "cell"));
            }
            return found;
        });
        assertThat(cut).as("texts shown cut").isEmpty();
        assertThat(fx(() -> robot.lookup("#connections .badge").queryAll().size())).isGreaterThanOrEqualTo(4);
    }

    /** What the table shows in this client's row and this column. */
    private String cellOf(String client, String columnId) {
        return robot.lookup("#connections .table-cell").queryAll().stream()
                .map(n -> (javafx.scene.control.TableCell<?, ?>) n)
                .filter(c -> c.getTableColumn() != null && columnId.equals(c.getTableColumn().getId())
                        && c.getTableRow() != null && c.getTableRow().getItem() instanceof ConnectionRow r
                        && r.client().equals(client))
                .map(javafx.scene.control.Labeled::getText).findFirst().orElse("");
    }

    /** How bright the filter's placeholder is drawn, 0 (black) to 1 (white). */
    private double promptBrightness() {
        javafx.scene.control.TextField filter = robot.lookup("#filter").queryAs(javafx.scene.control.TextField.class);
        return filter.lookupAll("Text").stream().map(n -> (Text) n)
                .filter(t -> filter.getPromptText().equals(t.getText()) && t.getFill() instanceof javafx.scene.paint.Color)
                .mapToDouble(t -> ((javafx.scene.paint.Color) t.getFill()).getBrightness()).findFirst().orElse(-1);
    }

    /** The text as rendered differs from the text when the control had to cut it ("bac…"). */
    private static List<String> cutText(Labeled labeled, String what) {
        if (!labeled.isVisible() || labeled.getText() == null || labeled.getText().isEmpty()) {
            return List.of();
        }
        Node rendered = labeled.lookup(".text");
        if (rendered instanceof Text t && !t.getText().equals(labeled.getText())) {
            return List.of(what + " '" + labeled.getText() + "' shows as '" + t.getText() + "'");
        }
        return List.of();
    }

    private Path screenshot(String name) throws Exception {
        Path folder = Path.of("target", "screenshots");
        Files.createDirectories(folder);
        fx(() -> new lab.heartbeat.ui.charts.ChartExporter(Runnable::run)
                .export(java.util.Map.of(name, dashboard.scene().getRoot()), folder)).get(30, java.util.concurrent.TimeUnit.SECONDS);
        return folder.resolve(name + ".png");
    }

    private void open(int clients) throws Exception {
        FxToolkit.registerPrimaryStage();
        dashboard = fx(() -> {
            Dashboard d = new Dashboard(lab, (owner, title) -> null);
            d.show(new Stage());
            return d;
        });
        await().atMost(DashboardFixture.PATIENCE)
                .until(() -> fx(() -> dashboard.model().connections().rows().size() == clients));
    }
}
