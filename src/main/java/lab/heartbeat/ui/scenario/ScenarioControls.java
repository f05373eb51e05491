package lab.heartbeat.ui.scenario;

import java.io.File;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.stage.Window;
import lab.heartbeat.lab.BundledScenarios;
import lab.heartbeat.ui.common.FolderChooser;

/**
 * The scenario runner's controls: the Scenario menu (run a bundled scenario or a file, export
 * the last run), the progress bar and Stop button, and the runner's status line.
 */
public final class ScenarioControls {
    /** The title of the folder chooser that "Export run…" opens. */
    private static final String EXPORT_TITLE = "Export the run (report, time series, charts, races) into";

    private final ScenarioModel scenarios;
    private final FolderChooser folderChooser;
    private final Function<Window, File> scenarioChooser;
    private final Supplier<Window> owner;
    private final Runnable showRace;
    private final Label status = new Label();

    /**
     * @param owner    the window the choosers belong to (null before it is shown)
     * @param showRace brings the race panel to the front when a run starts
     */
    public ScenarioControls(ScenarioModel scenarios, FolderChooser folderChooser,
            Function<Window, File> scenarioChooser, Supplier<Window> owner, Runnable showRace) {
        this.scenarios = scenarios;
        this.folderChooser = folderChooser;
        this.scenarioChooser = scenarioChooser;
        this.owner = owner;
        this.showRace = showRace;
        status.setId("scenario-status");
        status.textProperty().bind(scenarios.statusProperty());
        status.setMaxWidth(420);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(scenarios.statusProperty());
        tip.setWrapText(true);
        tip.setMaxWidth(500);
        status.setTooltip(tip);
    }

    public MenuBar menuBar() {
        Menu menu = new Menu("Scenario");
        menu.setId("menu-scenario");
        MenuItem open = new MenuItem("Open scenario file…");
        open.setId("scenario-open");
        open.setOnAction(e -> openScenario());
        menu.getItems().addAll(open, new SeparatorMenuItem());
        for (String name : BundledScenarios.names()) {
            MenuItem item = new MenuItem("Run " + name);
            item.setId("scenario-" + name);
            item.setOnAction(e -> {
                scenarios.runBundled(name);
                showRace.run();
            });
            item.disableProperty().bind(scenarios.runningProperty());
            menu.getItems().add(item);
        }
        open.disableProperty().bind(scenarios.runningProperty());
        MenuItem export = new MenuItem("Export run…");
        export.setId("scenario-export");
        export.setOnAction(e -> exportRun());
        export.disableProperty().bind(scenarios.resultProperty().isNull().or(scenarios.runningProperty()));
        menu.getItems().addAll(new SeparatorMenuItem(), export);
        return new MenuBar(menu);
    }

    /** The toolbar's part: a label, the run's progress and the Stop button. */
    public List<Node> toolbarItems() {
        ProgressBar progress = new ProgressBar();
        progress.setId("scenario-progress");
        progress.setPrefWidth(90);
        progress.progressProperty().bind(scenarios.progressProperty());
        Button stop = new Button("Stop");
        stop.setId("scenario-stop");
        stop.setTooltip(new Tooltip("stop the running scenario; what happened until now is kept"));
        stop.disableProperty().bind(scenarios.runningProperty().not());
        stop.setOnAction(e -> scenarios.stop());
        return List.of(new Label("Scenario"), progress, stop);
    }

    /** The runner's status line, for the status bar. */
    public Label status() {
        return status;
    }

    private void openScenario() {
        File file = scenarioChooser.apply(owner.get());
        if (file != null) {
            scenarios.runFile(file.toPath());
            showRace.run();
        }
    }

    /** Asks for a folder and writes the last run's report, time series and images into it. */
    private void exportRun() {
        File folder = folderChooser.choose(owner.get(), EXPORT_TITLE);
        if (folder != null) {
            scenarios.export(folder.toPath());
        }
    }
}
