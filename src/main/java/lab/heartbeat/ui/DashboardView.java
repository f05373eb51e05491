package lab.heartbeat.ui;

import lab.heartbeat.ui.lab.FaultStatus;
import lab.heartbeat.ui.lab.RaceView;
import lab.heartbeat.ui.common.Theme;
import lab.heartbeat.ui.connections.ConnectionsTable;
import lab.heartbeat.ui.charts.ChartExporter;
import lab.heartbeat.ui.charts.ChartsView;
import lab.heartbeat.ui.charts.ChartsViewModel;
import lab.heartbeat.ui.race.RacePanel;
import lab.heartbeat.ui.faults.FaultControls;
import lab.heartbeat.ui.parameters.ParameterSheet;
import lab.heartbeat.ui.scenario.ScenarioModel;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import lab.heartbeat.lab.BundledScenarios;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import lab.heartbeat.detect.Preset;
import lab.heartbeat.detect.Presets;
import lab.heartbeat.detect.ProfileKind;
import lab.heartbeat.detect.Durations;
import org.controlsfx.control.StatusBar;

/** The dashboard's window content. It binds to the view model and calls its commands; nothing more. */
public final class DashboardView extends BorderPane {
    private final DashboardModel model;
    private final ChartsView charts = new ChartsView();
    private final ChartExporter exporter;
    private final Function<Window, File> folderChooser;
    /** The fault buttons, in the second toolbar. */
    private final HBox faultControls = new HBox(4);
    private final ScenarioModel scenarios;
    private final Function<Window, File> scenarioChooser;
    private final FaultControls faults;
    private final RacePanel race;
    private final TabPane side = new TabPane();
    private final Tab raceTab;
    private Label scenarioStatus;

    public DashboardView(DashboardModel model, ChartExporter exporter, Function<Window, File> folderChooser) {
        this(model, null, exporter, folderChooser, w -> null);
    }

    /**
     * @param scenarios       scenario runs, or null for a dashboard without them
     * @param scenarioChooser asks for a scenario file to open, or returns null
     */
    public DashboardView(DashboardModel model, ScenarioModel scenarios, ChartExporter exporter,
            Function<Window, File> folderChooser, Function<Window, File> scenarioChooser) {
        this.model = model;
        this.scenarios = scenarios;
        this.exporter = exporter;
        this.folderChooser = folderChooser;
        this.scenarioChooser = scenarioChooser;
        getStyleClass().add("dashboard");
        faultControls.setId("fault-controls");
        faultControls.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        race = new RacePanel(model.races());
        raceTab = new Tab("Race");
        raceTab.setId("race-tab");
        raceTab.selectedProperty().addListener((o, was, selected) -> {
            if (selected) {
                attachRace();
            }
        });
        faults = new FaultControls(model, () -> side.getSelectionModel().select(raceTab));
        faultControls.getChildren().setAll(faults.buttons());
        VBox top = new VBox();
        if (scenarios != null) {
            top.getChildren().add(menuBar());
        }
        top.getChildren().addAll(toolbar(), faultBar());
        setTop(top);
        ConnectionsTable table = new ConnectionsTable(model);
        table.setContextMenu(faults.contextMenu());
        SplitPane center = new SplitPane(table, charts);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.3);
        setCenter(center);
        Tab parameters = new Tab("Parameters", editor());
        parameters.setId("parameters-tab");
        side.getTabs().setAll(parameters, raceTab);
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        side.setPrefWidth(470);
        side.setId("side-tabs");
        setRight(side);
        setBottom(new VBox(eventLog(), statusBar(), faultNote()));
        addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED,
                e -> faults.handleShortcut(e, getScene() == null ? null : getScene().getFocusOwner()));
    }

    private MenuBar menuBar() {
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
                side.getSelectionModel().select(raceTab);
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

    private ToolBar faultBar() {
        Label label = new Label("Faults on the selection:");
        ToolBar bar = new ToolBar(label, faultControls);
        bar.setId("fault-bar");
        if (scenarios != null) {
            ProgressBar progress = new ProgressBar();
            progress.setId("scenario-progress");
            progress.setPrefWidth(90);
            progress.progressProperty().bind(scenarios.progressProperty());
            Button stop = new Button("Stop");
            stop.setId("scenario-stop");
            stop.setTooltip(new Tooltip("stop the running scenario; what happened until now is kept"));
            stop.disableProperty().bind(scenarios.runningProperty().not());
            stop.setOnAction(e -> scenarios.stop());
            Label status = new Label();
            status.setId("scenario-status");
            status.textProperty().bind(scenarios.statusProperty());
            status.setMaxWidth(420);
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(scenarios.statusProperty());
            tip.setWrapText(true);
            tip.setMaxWidth(500);
            status.setTooltip(tip);
            scenarioStatus = status;
            bar.getItems().addAll(new Separator(), new Label("Scenario"), progress, stop);
        }
        return bar;
    }

    private void openScenario() {
        File file = scenarioChooser.apply(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            scenarios.runFile(file.toPath());
            side.getSelectionModel().select(raceTab);
        }
    }

    /** Asks for a folder and writes the last run's report, time series and images into it. */
    public void exportRun() {
        File folder = folderChooser.apply(getScene() == null ? null : getScene().getWindow());
        if (folder != null) {
            scenarios.export(folder.toPath());
        }
    }

    private Node faultNote() {
        Label note = new Label();
        note.setId("status-fault-details");
        note.getStyleClass().add("fault-note");
        note.setWrapText(true);
        note.setPadding(new Insets(0, 8, 3, 8));
        note.textProperty().bind(model.faultStatusProperty().map(FaultStatus::details));
        return note;
    }

    private ToolBar toolbar() {
        Spinner<Integer> count = new Spinner<>(1, 10_000, 1);
        count.setId("add-count");
        count.setEditable(true);
        count.setPrefWidth(90);
        count.getValueFactory().valueProperty().addListener((o, old, n) -> model.addCountProperty().set(n));
        ComboBox<ProfileKind> kind = new ComboBox<>(FXCollections.observableArrayList(ProfileKind.values()));
        kind.setId("add-kind");
        kind.valueProperty().bindBidirectional(model.addKindProperty());
        ComboBox<Preset> preset = new ComboBox<>(FXCollections.observableArrayList(Presets.all()));
        preset.setId("add-preset");
        preset.setConverter(new Named<>(Preset::name));
        preset.valueProperty().bindBidirectional(model.addPresetProperty());
        Button add = new Button("Add");
        add.setId("add-clients");
        add.setTooltip(new Tooltip("add clients with the profile as edited on the right"));
        add.setOnAction(e -> model.addClients());
        Button remove = new Button("Remove selected");
        remove.setId("remove-selected");
        remove.setOnAction(e -> model.removeSelected());

        TextField filter = new TextField();
        filter.setId("filter");
        filter.setPromptText("filter: client, profile, state");
        filter.textProperty().bindBidirectional(model.filterProperty());

        ComboBox<Duration> window = new ComboBox<>(FXCollections.observableArrayList(ChartsViewModel.WINDOWS));
        window.setId("window");
        window.setConverter(new Named<>(Durations::format));
        window.valueProperty().bindBidirectional(model.charts().windowProperty());
        ToggleButton pause = new ToggleButton("Pause");
        pause.setId("pause");
        pause.selectedProperty().bindBidirectional(model.charts().pausedProperty());
        pause.textProperty().bind(pause.selectedProperty().map(p -> p ? "Resume" : "Pause"));
        ComboBox<Theme> theme = new ComboBox<>(FXCollections.observableArrayList(Theme.values()));
        theme.setId("theme");
        theme.valueProperty().bindBidirectional(model.themeProperty());
        Button export = new Button("Export PNG…");
        export.setId("export");
        export.setOnAction(e -> exportCharts());

        return new ToolBar(new Label("Add"), count, kind, preset, add, remove, new Separator(), filter, new Separator(), new Label("window"), window, pause, new Separator(),
                new Label("theme"), theme, export);
    }

    private Node editor() {
        ParameterSheet sheet = new ParameterSheet(model);
        VBox.setVgrow(sheet, Priority.ALWAYS);
        Label profile = new Label();
        profile.setId("editing-profile");
        profile.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> model.addKindProperty().get().label() + "/" + model.addPresetProperty().get().name()
                        + "  v" + model.profileVersionProperty().get() + " for new clients",
                model.addKindProperty(), model.addPresetProperty(), model.profileVersionProperty()));
        Label validation = new Label();
        validation.setId("validation");
        validation.getStyleClass().add("validation");
        validation.setWrapText(true);
        validation.textProperty().bind(model.validationMessageProperty());
        validation.visibleProperty().bind(model.validationMessageProperty().isNotEmpty());
        validation.managedProperty().bind(validation.visibleProperty());
        Label sweepNote = new Label("Server sweep: applies to connections the server accepts from now on;"
                + " connections already open keep the sweep they started with.");
        sweepNote.setId("sweep-note");
        sweepNote.getStyleClass().add("editor-note");
        sweepNote.setWrapText(true);
        VBox box = new VBox(6, profile, validation, sheet, sweepNote);
        box.setPadding(new Insets(6));
        box.setPrefWidth(320);
        box.setMaxHeight(Double.MAX_VALUE);
        return box;
    }

    private Node eventLog() {
        ListView<String> log = new ListView<>(model.events());
        log.setId("event-log");
        log.getStyleClass().add("event-log");
        log.setPrefHeight(130);
        return log;
    }

    private Node statusBar() {
        StatusBar bar = new StatusBar();
        bar.setId("status-bar");
        bar.textProperty().bind(model.messageProperty());
        Label transport = new Label();
        transport.setId("status-transport");
        transport.textProperty().bind(javafx.beans.binding.Bindings.format("transport: %s  ·  port %d",
                model.transportProperty(), model.portProperty()));
        Label clients = new Label();
        clients.setId("status-clients");
        clients.textProperty().bind(javafx.beans.binding.Bindings.format("%d/%d up",
                model.clientsUpProperty(), model.clientCountProperty()));
        Label backend = new Label();
        backend.setId("status-fault-backend");
        backend.textProperty().bind(model.faultStatusProperty().map(FaultStatus::headline));
        Label shown = new Label();
        shown.setId("status-lab");
        shown.textProperty().bind(model.labNameProperty().map(n -> RaceView.LIVE.equals(n) ? "lab: dashboard" : "lab: run " + n));
        if (scenarioStatus != null) {
            bar.getRightItems().addAll(scenarioStatus, new Separator(Orientation.VERTICAL));
        }
        bar.getRightItems().addAll(shown, new Separator(Orientation.VERTICAL));
        bar.getRightItems().addAll(clients, new Separator(Orientation.VERTICAL), transport,
                new Separator(Orientation.VERTICAL), backend);
        return bar;
    }

    /** Asks for a folder and writes one PNG per chart into it. */
    public void exportCharts() {
        File folder = folderChooser.apply(getScene() == null ? null : getScene().getWindow());
        if (folder != null) {
            exportCharts(folder.toPath());
        }
    }

    private void exportCharts(Path folder) {
        exporter.export(charts.byName(), folder).whenComplete((files, error) -> javafx.application.Platform.runLater(() ->
                model.showMessage(error == null
                        ? "exported " + files.size() + " PNG files to " + folder
                        : "export failed: " + error.getMessage())));
    }

    public ChartsView charts() {
        return charts;
    }

    /** The race panel, in its tab (so styled, and pictured as shown) from now on. */
    public RacePanel race() {
        attachRace();
        return race;
    }

    /**
     * Puts the race panel into its tab. It is hidden at start, so it joins the scene after the
     * first frame ({@link Dashboard#show}) or when its tab is chosen, whichever comes first: its
     * styling and layout, a fifth of the window's, would otherwise delay that frame.
     */
    void attachRace() {
        if (raceTab.getContent() == null) {
            raceTab.setContent(race);
        }
    }

    /** The side panel's tabs: parameters and race. */
    public TabPane side() {
        return side;
    }

    /** The fault buttons. */
    public HBox faultControls() {
        return faultControls;
    }

    private static final class Named<T> extends StringConverter<T> {
        private final Function<T, String> name;

        Named(Function<T, String> name) {
            this.name = name;
        }

        @Override
        public String toString(T value) {
            return value == null ? "" : name.apply(value);
        }

        @Override
        public T fromString(String text) {
            throw new UnsupportedOperationException("chosen from the list only");
        }
    }
}
