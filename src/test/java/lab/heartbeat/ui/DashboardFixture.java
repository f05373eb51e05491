package lab.heartbeat.ui;

import lab.heartbeat.ui.lab.LabGateway;
import lab.heartbeat.ui.lab.LiveLab;
import lab.heartbeat.ui.lab.StartupLab;
import lab.heartbeat.ui.charts.ChartExporter;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A real dashboard on a real start-up lab, in a Monocle stage, driven by a TestFX robot. */
final class DashboardFixture implements AutoCloseable {
    static final Duration PATIENCE = Duration.ofSeconds(20);

    final FxRobot robot = new FxRobot();
    final LiveLab lab;
    final Dashboard dashboard;
    final AtomicReference<File> exportFolder = new AtomicReference<>();
    /** The title of the last folder chooser the dashboard opened. */
    final AtomicReference<String> chooserTitle = new AtomicReference<>();
    final AtomicReference<File> scenarioFile = new AtomicReference<>();

    DashboardFixture() throws Exception {
        this(StartupLab.start());
    }

    /** A dashboard on this lab. */
    DashboardFixture(LiveLab lab) throws Exception {
        this((LabGateway) lab);
    }

    /** A dashboard on any lab, a fake one included ({@link #lab} is then null). */
    DashboardFixture(LabGateway gateway) throws Exception {
        FxToolkit.registerPrimaryStage();
        this.lab = gateway instanceof LiveLab live ? live : null;
        dashboard = fx(() -> {
            Dashboard d = new Dashboard(gateway, (owner, title) -> {
                chooserTitle.set(title);
                return exportFolder.get();
            }, owner -> scenarioFile.get());
            Stage stage = new Stage();
            d.show(stage);
            return d;
        });
    }

    DashboardModel model() {
        return dashboard.model();
    }

    /** Runs on the FX thread and returns its result: the only safe way to read what the views see. */
    static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }

    void awaitFx(Callable<Boolean> condition) {
        try {
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> fx(condition));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            String seen;
            try {
                seen = fx(() -> "status: " + model().status().messageProperty().get() + "\nnewest events:\n  "
                        + String.join("\n  ", model().log().events().subList(0, Math.min(12, model().log().events().size()))));
            } catch (Exception unreadable) {
                seen = "(dashboard unreadable: " + unreadable + ")";
            }
            throw new AssertionError(e.getMessage() + "\n" + seen, e);
        }
    }

    /**
     * Clicks a button once no tooltip is up: a tooltip lingering from the last hover is a window of
     * its own and would take the click.
     */
    void clickButton(String query) throws Exception {
        robot.moveTo(node("#event-log"));
        awaitFx(() -> javafx.stage.Window.getWindows().stream()
                .noneMatch(w -> w instanceof javafx.scene.control.Tooltip && w.isShowing()));
        robot.clickOn(node(query));
    }

    /**
     * The node a query finds, looked up on the FX thread: a lookup from the test thread walks the
     * scene while the ticks change it (the charts' markers during a fault) and can meet a null child.
     */
    javafx.scene.Node node(String query) throws Exception {
        return fx(() -> robot.lookup(query).query());
    }

    /** The number of rows whose badge the table shows as {@code up}. */
    int upBadges() throws Exception {
        return fx(() -> robot.lookup(".badge.state-up").queryAll().size());
    }

    int rows() throws Exception {
        return fx(() -> model().connections().rows().size());
    }

    /** Saves what the window shows as a PNG. */
    Path screenshot(String name) throws Exception {
        return screenshot(name, dashboard.scene().getRoot());
    }

    /** Saves what a node shows as a PNG. */
    Path screenshot(String name, javafx.scene.Node node) throws Exception {
        return screenshotOf(name, node);
    }

    /** Saves what a node shows as a PNG into {@code target/screenshots}. */
    static Path screenshotOf(String name, javafx.scene.Node node) throws Exception {
        Path folder = Path.of("target", "screenshots");
        Files.createDirectories(folder);
        Path file = folder.resolve(name + ".png");
        fx(() -> new ChartExporter(Runnable::run)
                .export(java.util.Map.of(name, node), folder)).get(30, TimeUnit.SECONDS);
        return file;
    }

    @Override
    public void close() throws Exception {
        FxToolkit.cleanupStages();
        dashboard.close();
    }
}
