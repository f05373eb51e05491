package lab.heartbeat.ui;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import io.fair_acc.chartfx.XYChart;
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
    /** Where the fault controls (issue 3) go: after the editing commands, before the view options. */
    private final HBox faultControls = new HBox(4);

    public DashboardView(DashboardModel model, ChartExporter exporter, Function<Window, File> folderChooser) {
        this.model = model;
        this.exporter = exporter;
        this.folderChooser = folderChooser;
        getStyleClass().add("dashboard");
        faultControls.setId("fault-controls");
        setTop(toolbar());
        SplitPane center = new SplitPane(new ConnectionsTable(model), charts);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.3);
        setCenter(center);
        setRight(editor());
        setBottom(new VBox(eventLog(), statusBar()));
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

        ComboBox<Duration> window = new ComboBox<>(FXCollections.observableArrayList(DashboardModel.WINDOWS));
        window.setId("window");
        window.setConverter(new Named<>(Durations::format));
        window.valueProperty().bindBidirectional(model.windowProperty());
        ToggleButton pause = new ToggleButton("Pause");
        pause.setId("pause");
        pause.selectedProperty().bindBidirectional(model.pausedProperty());
        pause.textProperty().bind(pause.selectedProperty().map(p -> p ? "Resume" : "Pause"));
        ComboBox<Theme> theme = new ComboBox<>(FXCollections.observableArrayList(Theme.values()));
        theme.setId("theme");
        theme.valueProperty().bindBidirectional(model.themeProperty());
        Button export = new Button("Export PNG…");
        export.setId("export");
        export.setOnAction(e -> exportCharts());

        return new ToolBar(new Label("Add"), count, kind, preset, add, remove, new Separator(), faultControls,
                new Separator(), filter, new Separator(), new Label("window"), window, pause, new Separator(),
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
        VBox box = new VBox(6, profile, validation, sheet);
        box.setPadding(new Insets(6));
        box.setPrefWidth(320);
        TitledPane pane = new TitledPane("Parameters", box);
        pane.setCollapsible(false);
        pane.setMaxHeight(Double.MAX_VALUE);
        return pane;
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
        backend.textProperty().bind(javafx.beans.binding.Bindings.concat("fault backend: ", model.faultBackendProperty()));
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
        Map<String, XYChart> nodes = new LinkedHashMap<>();
        List<String> names = List.of("rtt", "heartbeats", "kernel");
        for (int i = 0; i < names.size(); i++) {
            nodes.put("chart-" + names.get(i), charts.charts().get(i));
        }
        exporter.export(nodes, folder).whenComplete((files, error) -> javafx.application.Platform.runLater(() ->
                model.showMessage(error == null
                        ? "exported " + files.size() + " PNG files to " + folder
                        : "export failed: " + error.getMessage())));
    }

    public ChartsView charts() {
        return charts;
    }

    /** The slot in the toolbar reserved for fault controls. */
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
