package lab.heartbeat.ui;

import lab.heartbeat.ui.common.Theme;
import lab.heartbeat.ui.connections.ConnectionRow;
import lab.heartbeat.ui.race.RacePanel;
import static lab.heartbeat.ui.DashboardFixture.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import lab.heartbeat.transport.ReconnectingClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard used as a user would: headless under Monocle, on a real lab. */
class DashboardUiTest {
    private DashboardFixture d;

    @BeforeEach
    void open() throws Exception {
        d = new DashboardFixture();
    }

    @AfterEach
    void close() throws Exception {
        d.close();
    }

    @Test
    void startsWithOneUpClientPerTeachingProfile() throws Exception {
        d.awaitFx(() -> d.robot.lookup(".badge.state-up").queryAll().size() == 4);
        List<String> profiles = fx(() -> d.model().connections().rows().stream().map(ConnectionRow::profile).sorted().toList());
        assertThat(profiles).containsExactly("app-heartbeat/teaching", "beacon/teaching", "os-keepalive/teaching",
                "user-timeout/teaching");
        String status = fx(() -> d.robot.lookup("#status-transport").queryAs(Label.class).getText());
        assertThat(status).contains("transport: " + d.lab.transport()).contains("port " + d.lab.port());
        assertThat(fx(() -> d.robot.lookup("#status-fault-backend").queryAs(Label.class).getText()))
                .startsWith("fault backend: ");
    }

    @Test
    void addingThreeClientsShowsSevenRows() throws Exception {
        d.awaitFx(() -> d.model().status().clientsUpProperty().get() == 4);
        setCount(3);
        d.robot.clickOn(d.node("#add-clients"));
        d.awaitFx(() -> d.model().connections().rows().size() == 7
                && d.robot.lookup(".badge.state-up").queryAll().size() == 7);
    }

    @Test
    void anEditedHeartbeatIntervalAppliesToNewClientsOnly() throws Exception {
        d.awaitFx(() -> d.model().status().clientsUpProperty().get() == 4);
        replaceText("#param-heartbeatInterval", "250ms");
        d.awaitFx(() -> d.model().parameters().profileVersionProperty().get() == 2);
        assertThat(fx(() -> d.model().parameters().validationMessageProperty().get())).isEmpty();
        setCount(2);
        d.robot.clickOn(d.node("#add-clients"));
        d.awaitFx(() -> d.model().connections().rows().size() == 6);

        List<ReconnectingClient> heartbeat = d.lab.lab().select("app-heartbeat");
        assertThat(heartbeat).extracting(ReconnectingClient::name)
                .containsExactly("app-heartbeat-1", "app-heartbeat-2", "app-heartbeat-3");
        assertThat(heartbeat.get(0).profile().heartbeatInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(heartbeat.get(1).profile().heartbeatInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(heartbeat.get(2).profile().heartbeatInterval()).isEqualTo(Duration.ofMillis(250));
        d.awaitFx(() -> "v1 (old)".equals(paramsCell("app-heartbeat-1"))
                && "v2".equals(paramsCell("app-heartbeat-2")) && "v2".equals(paramsCell("app-heartbeat-3"))
                && "v1".equals(paramsCell("beacon-1")));
    }

    @Test
    void anInvalidValueShowsTheEnginesMessageAndChangesNothing() throws Exception {
        replaceText("#param-heartbeatInterval", "-2s");
        d.awaitFx(() -> d.robot.lookup("#validation").queryAs(Label.class).isVisible());
        String message = fx(() -> d.robot.lookup("#validation").queryAs(Label.class).getText());
        assertThat(message).startsWith("heartbeatInterval").contains("positive");
        assertThat(fx(() -> d.model().parameters().profileVersionProperty().get())).isEqualTo(1);
        assertThat(fx(() -> d.robot.lookup("#param-heartbeatInterval")
                .queryAs(javafx.scene.control.TextField.class).getText())).isEqualTo("500ms");
        setCount(1);
        d.robot.clickOn(d.node("#add-clients"));
        d.awaitFx(() -> d.model().connections().rows().size() == 5);
        assertThat(d.lab.lab().select("app-heartbeat-2").get(0).profile().heartbeatInterval())
                .isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void anEditedSweepGoesToTheRunningServerForNewConnections() throws Exception {
        d.awaitFx(() -> d.model().status().clientsUpProperty().get() == 4);
        assertThat(fx(() -> d.robot.lookup("#sweep-note").queryAs(Label.class).getText()))
                .contains("applies to connections the server accepts from now on");
        // The sweep is at the sheet's bottom, maybe scrolled out of sight: typed in and committed as Enter does.
        fx(() -> {
            javafx.scene.control.TextField field = d.robot.lookup("#param-sweepInterval")
                    .queryAs(javafx.scene.control.TextField.class);
            field.setText("2s");
            field.fireEvent(new javafx.event.ActionEvent());
            return null;
        });
        await().atMost(DashboardFixture.PATIENCE)
                .until(() -> Duration.ofSeconds(2).equals(d.lab.lab().server().sweep().interval()));
        d.awaitFx(() -> d.model().status().messageProperty().get().equals("server sweep 2s x 3 for new connections; open ones keep theirs"));
        assertThat(d.lab.lab().server().sweep().misses()).isEqualTo(3);
    }

    @Test
    void switchingTheThemeChangesTheStylesheet() throws Exception {
        assertThat(fx(() -> d.dashboard.scene().getStylesheets())).singleElement().asString().endsWith("light.css");
        d.robot.clickOn(d.node("#theme"));
        d.robot.clickOn("Dark");
        d.awaitFx(() -> d.dashboard.scene().getStylesheets().size() == 1
                && d.dashboard.scene().getStylesheets().get(0).endsWith("dark.css"));
        assertThat(fx(() -> d.robot.lookup("#theme").<ComboBox<Theme>>query().getValue())).isEqualTo(Theme.DARK);
    }

    @Test
    void exportWritesOnePngPerChart(@TempDir Path folder) throws Exception {
        d.awaitFx(() -> d.model().status().clientsUpProperty().get() == 4);
        d.exportFolder.set(folder.toFile());
        d.robot.clickOn("app-heartbeat-1");
        d.awaitFx(() -> d.dashboard.view().charts().rttSets().size() == 1
                && d.dashboard.view().charts().rttSets().get(0).getDataCount() > 5);
        d.robot.clickOn(d.node("#export"));
        List<Path> expected = List.of(folder.resolve("chart-rtt.png"), folder.resolve("chart-heartbeats.png"),
                folder.resolve("chart-kernel.png"));
        d.awaitFx(() -> expected.stream().allMatch(Files::isRegularFile)
                && d.model().status().messageProperty().get().startsWith("exported 3"));
        for (Path p : expected) {
            assertThat(Files.size(p)).isGreaterThan(1000);
        }
        assertThat(d.chooserTitle.get()).isEqualTo("Export the charts as PNG into");
    }

    @Test
    void screenshotOfTheMainState() throws Exception {
        d.awaitFx(() -> d.robot.lookup(".badge.state-up").queryAll().size() == 4);
        fx(() -> {
            TableView<?> table = d.robot.lookup("#connections").queryAs(TableView.class);
            table.getSelectionModel().selectAll();
            return null;
        });
        // Two seconds of samples make visible lines.
        d.awaitFx(() -> d.dashboard.view().charts().rttSets().size() == 4
                && d.dashboard.view().charts().rttSets().get(0).getDataCount() > 20);
        Path file = d.screenshot("dashboard-all-up");
        assertThat(Files.size(file)).isGreaterThan(10_000);
        fx(() -> {
            d.model().themeProperty().set(Theme.DARK);
            return null;
        });
        assertThat(Files.size(d.screenshot("dashboard-all-up-dark"))).isGreaterThan(10_000);
    }

    @Test
    void theHiddenRaceTabIsFilledRightAfterTheFirstFrameNotWhenFirstChosen() throws Exception {
        // Left out of the first frame to make it sooner, the race panel must not wait for a click.
        d.awaitFx(() -> raceTab().getContent() instanceof RacePanel
                && d.robot.lookup("#race-summary").tryQuery().isPresent());
        assertThat(fx(() -> d.dashboard.view().side().getSelectionModel().getSelectedItem().getId()))
                .isEqualTo("parameters-tab");
    }

    @Test
    void eightChartedClientsShareOneLegendAboveChartsWhosePlotAreasLineUp() throws Exception {
        d.awaitFx(() -> d.model().status().clientsUpProperty().get() == 4);
        setCount(4);
        d.robot.clickOn(d.node("#add-clients"));
        d.awaitFx(() -> d.model().status().clientsUpProperty().get() == 8);
        fx(() -> {
            d.robot.lookup("#connections").queryAs(TableView.class).getSelectionModel().selectAll();
            return null;
        });
        d.awaitFx(() -> d.dashboard.view().charts().legendEntries().size() == 8
                && d.dashboard.view().charts().rttSets().size() == 8);
        // Once laid out (the first layout after the switch sizes the right strips), every plot spans the same pixels.
        d.awaitFx(() -> {
            List<javafx.geometry.Bounds> plots = d.dashboard.view().charts().charts().stream()
                    .map(c -> c.getCanvas().localToScene(c.getCanvas().getBoundsInLocal())).toList();
            return plots.size() == 3 && plots.stream().allMatch(p -> p.getMinX() == plots.get(0).getMinX()
                    && p.getMaxX() == plots.get(0).getMaxX() && p.getWidth() > 200);
        });
        assertThat(fx(() -> d.dashboard.view().charts().charts().stream()
                .noneMatch(c -> c.getLegend().getNode().isVisible()))).isTrue();
    }

    private javafx.scene.control.Tab raceTab() {
        return d.dashboard.view().side().getTabs().stream().filter(t -> "race-tab".equals(t.getId()))
                .findFirst().orElseThrow();
    }

    private void setCount(int count) {
        d.robot.doubleClickOn("#add-count .text-field").push(KeyCode.CONTROL, KeyCode.A)
                .write(Integer.toString(count)).type(KeyCode.ENTER);
    }

    private void replaceText(String query, String text) {
        d.robot.clickOn(query).push(KeyCode.CONTROL, KeyCode.A).write(text).type(KeyCode.ENTER);
    }

    private String paramsCell(String client) {
        TableView<ConnectionRow> table = d.robot.lookup("#connections").queryAs(TableView.class);
        for (javafx.scene.Node n : table.lookupAll(".table-row-cell")) {
            javafx.scene.control.TableRow<?> row = (javafx.scene.control.TableRow<?>) n;
            if (row.getItem() instanceof ConnectionRow r && r.client().equals(client)) {
                for (javafx.scene.Node c : row.lookupAll(".table-cell")) {
                    javafx.scene.control.TableCell<?, ?> cell = (javafx.scene.control.TableCell<?, ?>) c;
                    if (cell.getTableColumn() != null && "params".equals(cell.getTableColumn().getText())) {
                        return cell.getText();
                    }
                }
            }
        }
        return null;
    }
}
