package lab.heartbeat.ui;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import lab.heartbeat.detect.Durations;
import lab.heartbeat.detect.Preset;
import lab.heartbeat.detect.Presets;
import lab.heartbeat.detect.ProfileKind;
import lab.heartbeat.ui.attach.AttachControls;
import lab.heartbeat.ui.charts.ChartExporter;
import lab.heartbeat.ui.charts.ChartsView;
import lab.heartbeat.ui.charts.ChartsViewModel;
import lab.heartbeat.ui.common.FolderChooser;
import lab.heartbeat.ui.common.Named;
import lab.heartbeat.ui.common.Theme;
import lab.heartbeat.ui.connections.ConnectionsTable;
import lab.heartbeat.ui.faults.FaultControls;
import lab.heartbeat.ui.parameters.ProfileEditor;
import lab.heartbeat.ui.race.RacePanel;
import lab.heartbeat.ui.scenario.ScenarioControls;
import lab.heartbeat.ui.scenario.ScenarioModel;
import lab.heartbeat.ui.status.StatusBarView;

/** The dashboard's window content: the features' views, laid out. It binds and calls commands; nothing more. */
public final class DashboardView extends BorderPane {
    /** The title of the folder chooser that "Export PNG…" opens. */
    private static final String CHARTS_EXPORT_TITLE = "Export the charts as PNG into";

    private final DashboardModel model;
    private final ChartsView charts = new ChartsView();
    private final ChartExporter exporter;
    private final FolderChooser folderChooser;
    private final FaultControls faults;
    private final RacePanel race;
    private final TabPane side = new TabPane();
    private final Tab raceTab;

    /**
     * @param scenarios       scenario runs, or null for a dashboard without them
     * @param scenarioChooser asks for a scenario file to open, or returns null
     */
    public DashboardView(DashboardModel model, ScenarioModel scenarios, ChartExporter exporter,
            FolderChooser folderChooser, Function<Window, File> scenarioChooser) {
        this.model = model;
        this.exporter = exporter;
        this.folderChooser = folderChooser;
        getStyleClass().add("dashboard");
        race = new RacePanel(model.races());
        raceTab = new Tab("Race");
        raceTab.setId("race-tab");
        raceTab.selectedProperty().addListener((o, was, selected) -> {
            if (selected) {
                attachRace();
            }
        });
        Runnable showRace = () -> side.getSelectionModel().select(raceTab);
        faults = new FaultControls(model.faults(), showRace);
        HBox faultControls = new HBox(4);
        faultControls.setId("fault-controls");
        faultControls.setAlignment(Pos.CENTER_LEFT);
        faultControls.getChildren().setAll(faults.buttons());
        ScenarioControls scenario = scenarios == null ? null
                : new ScenarioControls(scenarios, folderChooser, scenarioChooser, this::window, showRace);
        VBox top = new VBox();
        MenuBar menus = scenario != null ? scenario.menuBar() : new MenuBar();
        menus.getMenus().add(new AttachControls(model.attach(), this::window).menu());
        top.getChildren().add(menus);
        ToolBar faultBar = new ToolBar(new Label("Faults on the selection:"), faultControls);
        faultBar.setId("fault-bar");
        if (scenario != null) {
            faultBar.getItems().add(new Separator());
            faultBar.getItems().addAll(scenario.toolbarItems());
        }
        top.getChildren().addAll(toolbar(), faultBar);
        setTop(top);
        ConnectionsTable table = new ConnectionsTable(model.connections());
        table.setContextMenu(faults.contextMenu());
        SplitPane center = new SplitPane(table, charts);
        center.setOrientation(Orientation.VERTICAL);
        // The charts need about 150 px each for title, plot and time axis; the table scrolls.
        center.setDividerPositions(0.3);
        setCenter(center);
        Tab parameters = new Tab("Parameters", new ProfileEditor(model.parameters()));
        parameters.setId("parameters-tab");
        side.getTabs().setAll(parameters, raceTab);
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        side.setPrefWidth(560);
        side.setId("side-tabs");
        setRight(side);
        ListView<String> log = new ListView<>(model.log().events());
        log.setId("event-log");
        log.getStyleClass().add("event-log");
        log.setPrefHeight(112);
        // The status bar sits above the log: detection notices pop up over the log's corner, which
        // lists the same detections, and never over the status bar.
        setBottom(new VBox(new StatusBarView(model.status(), scenario == null ? null : scenario.status()), log));
        addEventHandler(KeyEvent.KEY_PRESSED,
                e -> faults.handleShortcut(e, getScene() == null ? null : getScene().getFocusOwner()));
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private ToolBar toolbar() {
        Spinner<Integer> count = new Spinner<>(1, 10_000, 1);
        count.setId("add-count");
        count.setEditable(true);
        count.setPrefWidth(90);
        count.getValueFactory().valueProperty().addListener((o, old, n) -> model.connections().addCountProperty().set(n));
        ComboBox<ProfileKind> kind = new ComboBox<>(FXCollections.observableArrayList(ProfileKind.values()));
        kind.setId("add-kind");
        kind.valueProperty().bindBidirectional(model.parameters().addKindProperty());
        ComboBox<Preset> preset = new ComboBox<>(FXCollections.observableArrayList(Presets.all()));
        preset.setId("add-preset");
        preset.setConverter(new Named<>(Preset::name));
        preset.valueProperty().bindBidirectional(model.parameters().addPresetProperty());
        Button add = new Button("Add");
        add.setId("add-clients");
        add.setTooltip(new Tooltip("add clients with the profile as edited on the right"));
        add.setOnAction(e -> model.connections().addClients());
        Button remove = new Button("Remove selected");
        remove.setId("remove-selected");
        remove.setOnAction(e -> model.connections().removeSelected());

        TextField filter = new TextField();
        filter.setId("filter");
        filter.setPromptText("filter: client, profile, state");
        filter.textProperty().bindBidirectional(model.connections().filterProperty());

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

        return new ToolBar(new Label("Add"), count, kind, preset, add, remove, new Separator(), filter,
                new Separator(), new Label("window"), window, pause, new Separator(), new Label("theme"), theme, export);
    }

    /** Asks for a folder and writes one PNG per chart into it. */
    private void exportCharts() {
        File folder = folderChooser.choose(window(), CHARTS_EXPORT_TITLE);
        if (folder != null) {
            exportCharts(folder.toPath());
        }
    }

    private void exportCharts(Path folder) {
        exporter.export(charts.byName(), folder).whenComplete((files, error) -> Platform.runLater(() ->
                model.status().showMessage(error == null
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
}
