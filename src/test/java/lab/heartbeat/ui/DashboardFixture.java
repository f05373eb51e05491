package lab.heartbeat.ui;

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

    DashboardFixture() throws Exception {
        FxToolkit.registerPrimaryStage();
        lab = StartupLab.start();
        dashboard = fx(() -> {
            Dashboard d = new Dashboard(lab, owner -> exportFolder.get());
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
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> fx(condition));
    }

    /** The number of rows whose badge the table shows as {@code up}. */
    int upBadges() throws Exception {
        return fx(() -> robot.lookup(".badge.state-up").queryAll().size());
    }

    int rows() throws Exception {
        return fx(() -> model().rows().size());
    }

    /** Saves what the window shows as a PNG. */
    Path screenshot(String name) throws Exception {
        Path folder = Path.of("target", "screenshots");
        Files.createDirectories(folder);
        Path file = folder.resolve(name + ".png");
        fx(() -> new ChartExporter(Runnable::run)
                .export(java.util.Map.of(name, dashboard.scene().getRoot()), folder)).get(30, TimeUnit.SECONDS);
        return file;
    }

    @Override
    public void close() throws Exception {
        FxToolkit.cleanupStages();
        dashboard.close();
    }
}
