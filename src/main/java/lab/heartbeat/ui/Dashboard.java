package lab.heartbeat.ui;

import lab.heartbeat.ui.lab.LabGateway;
import lab.heartbeat.ui.lab.LabsGateway;
import lab.heartbeat.ui.lab.TelemetryPoller;
import lab.heartbeat.ui.lab.DashboardFrame;
import lab.heartbeat.ui.lab.RaceSnapshot;
import lab.heartbeat.ui.charts.ChartExporter;
import lab.heartbeat.ui.race.RacePicture;
import lab.heartbeat.ui.charts.ChartFeed;
import lab.heartbeat.ui.common.FolderChooser;
import lab.heartbeat.ui.scenario.ScenarioModel;
import lab.heartbeat.ui.log.DetectionNotifier;
import java.io.File;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The dashboard put together: a lab, its poller and chart feed, the view model and the view, and
 * the 10 Hz tick that hands one frame at a time to the view model.
 */
public final class Dashboard implements AutoCloseable {
    static final java.time.Duration TICK = java.time.Duration.ofMillis(100);

    private final LabsGateway lab;
    private final ExecutorService commands = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dashboard-commands");
        t.setDaemon(true);
        return t;
    });
    private final DashboardModel model;
    private final DashboardView view;
    private final ChartFeed feed;
    private final TelemetryPoller poller;
    private final Timeline tick;
    private final Scene scene;
    private final ScenarioModel scenarios;

    /** Call on the FX thread. */
    public Dashboard(LabGateway lab, FolderChooser folderChooser) {
        this(lab, folderChooser, Dashboard::chooseScenario);
    }

    /**
     * Call on the FX thread.
     *
     * @param folderChooser   asks where exports go (null: cancelled)
     * @param scenarioChooser asks for a scenario file to run (null: cancelled)
     */
    public Dashboard(LabGateway lab, FolderChooser folderChooser, Function<Window, File> scenarioChooser) {
        // Attached labs' times go onto the embedded lab's clock, Netty's system ticker.
        this.lab = new LabsGateway(lab, io.netty.util.concurrent.Ticker.systemTicker()::nanoTime);
        model = new DashboardModel(this.lab, commands, Platform::runLater, System::nanoTime);
        scenarios = new ScenarioModel(commands, Platform::runLater, new ScenarioModel.Host() {
            @Override
            public void showLab(LabGateway running) {
                poller.switchTo(running);
            }

            @Override
            public java.util.Map<String, java.awt.image.BufferedImage> finished(lab.heartbeat.lab.RunResult result,
                    java.util.List<RaceSnapshot> races) {
                return runFinished(result, races);
            }
        });
        view = new DashboardView(model, scenarios, new ChartExporter(commands), folderChooser, scenarioChooser);
        feed = new ChartFeed(this.lab, java.time.Duration.ofMinutes(10), Platform::runLater, view.charts()::show);
        model.charts().windowProperty().addListener((o, old, w) -> feed.window(w));
        feed.window(model.charts().windowProperty().get());
        model.charts().pausedProperty().addListener((o, old, p) -> feed.paused(p));
        poller = new TelemetryPoller(this.lab, feed::sample, feed::switchTo);
        tick = new Timeline(new KeyFrame(Duration.millis(TICK.toMillis()), e -> {
            DashboardFrame frame = poller.take();
            if (frame != null) {
                model.apply(frame);
                feed.select(model.charts().chartedClients());
                view.charts().showMarkers(model.charts().chartMarkers());
                if (!model.charts().pausedProperty().get()) {
                    view.charts().dataWritten();
                }
            }
        }));
        tick.setCycleCount(Timeline.INDEFINITE);
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        scene = new Scene(view, Math.min(1440, screen.getWidth()), Math.min(900, screen.getHeight()));
        scene.getStylesheets().setAll(model.themeProperty().get().stylesheet());
        model.themeProperty().addListener((o, old, theme) -> scene.getStylesheets().setAll(theme.stylesheet()));
    }

    private static File chooseScenario(Window owner) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Run a scenario");
        chooser.getExtensionFilters().addAll(
                new javafx.stage.FileChooser.ExtensionFilter("Scenarios (*.yaml, *.yml)", "*.yaml", "*.yml"),
                new javafx.stage.FileChooser.ExtensionFilter("All files", "*"));
        return chooser.showOpenDialog(owner);
    }

    /**
     * A run ended (its lab is closed): its races join the list, the charts are pictured as they
     * show the run and each race whole, and the dashboard goes back to its own lab.
     */
    private java.util.Map<String, java.awt.image.BufferedImage> runFinished(lab.heartbeat.lab.RunResult result,
            java.util.List<RaceSnapshot> races) {
        java.util.Map<String, java.awt.image.BufferedImage> images = java.util.Map.of();
        if (result != null) {
            model.races().archiveRaces(races);
            java.util.Map<String, javafx.scene.Node> nodes = new java.util.LinkedHashMap<>(view.charts().byName());
            races.forEach(r -> nodes.put("race-" + r.id(), RacePicture.of(r, scene.getStylesheets())));
            images = ChartExporter.images(nodes);
        }
        poller.switchTo(lab);
        return images;
    }

    public ScenarioModel scenarios() {
        return scenarios;
    }

    /** A dashboard whose export asks for a folder with the platform's chooser. */
    public static Dashboard withFolderChooser(LabGateway lab) {
        return new Dashboard(lab, (owner, title) -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(title);
            return chooser.showDialog(owner);
        });
    }

    /** Puts the dashboard in the stage and starts the ticks. */
    public void show(Stage stage) {
        stage.setTitle("Heartbeat Lab");
        stage.setScene(scene);
        DetectionNotifier.attach(model.log(), stage);
        poller.start(TICK);
        tick.play();
        // The hidden race panel joins once the first frame is laid out (a listener may not remove
        // itself during the pulse, so it goes in the task that follows it).
        scene.addPostLayoutPulseListener(new Runnable() {
            private boolean done;

            @Override
            public void run() {
                if (!done) {
                    done = true;
                    Platform.runLater(() -> {
                        scene.removePostLayoutPulseListener(this);
                        view.attachRace();
                    });
                }
            }
        });
        stage.show();
    }

    public DashboardModel model() {
        return model;
    }

    public DashboardView view() {
        return view;
    }

    public Scene scene() {
        return scene;
    }

    /** Stops the ticks and closes the lab; waits for the lab, so call it as the window goes. */
    @Override
    public void close() throws InterruptedException {
        scenarios.stop();
        if (Platform.isFxApplicationThread()) {
            tick.stop();
        } else {
            Platform.runLater(tick::stop);
        }
        poller.close();
        commands.shutdown();
        commands.awaitTermination(10, TimeUnit.SECONDS);
        lab.close();
    }
}
