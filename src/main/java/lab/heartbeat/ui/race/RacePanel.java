package lab.heartbeat.ui.race;

import lab.heartbeat.ui.lab.RaceView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The race of one fault: each end's measured delay beside its predicted one, as bars and as a
 * table, and the paragraphs that explain the mechanisms in it. A plain JavaFX bar chart: it has no
 * data set locks, so it renders and snapshots headless without ChartFX's trap.
 */
public final class RacePanel extends VBox {
    private final RacesViewModel model;
    private final ComboBox<RaceView> list = new ComboBox<>();
    private final Label summary = new Label();
    private final VBox chartSlot = new VBox();
    private BarChart<Number, String> chart = newChart();
    private final TableView<RaceView.Entry> table = new TableView<>();
    private final VBox explanations = new VBox(8);
    private RaceView shown;

    public RacePanel(RacesViewModel model) {
        super(6);
        this.model = model;
        setId("race-panel");
        getStyleClass().add("race-panel");
        setPadding(new Insets(6));

        list.setId("race-list");
        list.setMaxWidth(Double.MAX_VALUE);
        list.setPromptText("no fault yet");
        list.setItems(model.races());
        list.setConverter(new StringConverter<>() {
            @Override
            public String toString(RaceView r) {
                return r == null ? "" : r.title();
            }

            @Override
            public RaceView fromString(String s) {
                throw new UnsupportedOperationException("chosen from the list only");
            }
        });
        // Only a choice the user made in the list counts: the combo also changes its value by itself
        // when the list is updated under it.
        list.setOnHidden(e -> {
            RaceView race = list.getValue();
            if (race != null && !race.equals(shown)) {
                model.chooseRace(race);
            } else if (shown != null && !shown.equals(race)) {
                show(shown);
            }
        });
        model.races().addListener((javafx.collections.ListChangeListener<RaceView>) c -> {
            if (!java.util.Objects.equals(list.getValue(), shown)) {
                list.setValue(shown);
            }
        });

        summary.setId("race-summary");
        summary.setWrapText(true);

        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        chartSlot.getChildren().setAll(chart);

        table.setId("race-table");
        table.setPlaceholder(new Label("no ends yet"));
        table.setPrefHeight(170);
        table.setMinHeight(110);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                column("connection", RaceView.Entry::connection, 120),
                column("side", RaceView.Entry::side, 50),
                column("mechanism / cause", RaceView.Entry::cause, 110),
                column("measured ms", e -> ms(e.measuredMs()), 75),
                column("predicted ms", e -> ms(e.predictedMs()), 75),
                column("error", e -> signed(e.errorMs()), 55)));

        explanations.setId("race-explanations");
        explanations.setPadding(new Insets(4));
        ScrollPane scroll = new ScrollPane(explanations);
        scroll.setFitToWidth(true);
        scroll.setPrefHeight(200);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        getChildren().addAll(list, summary, chartSlot, table, scroll);
        model.shownRaceProperty().addListener((o, old, race) -> show(race));
        show(model.shownRaceProperty().get());
        showExplanations(null);
    }

    /**
     * A new chart per race: a category axis whose categories change under a chart without
     * animation loses its tick labels, and one race's chart has few bars.
     */
    private static BarChart<Number, String> newChart() {
        NumberAxis delays = new NumberAxis();
        delays.setLabel("ms after the fault");
        delays.setForceZeroInRange(true);
        BarChart<Number, String> c = new BarChart<>(delays, new CategoryAxis());
        c.setId("race-chart");
        c.setAnimated(false);
        c.setLegendVisible(true);
        c.setBarGap(1);
        c.setCategoryGap(6);
        c.setMinHeight(180);
        c.setPrefHeight(240);
        return c;
    }

    private static TableColumn<RaceView.Entry, String> column(String title, Function<RaceView.Entry, String> value,
            double width) {
        TableColumn<RaceView.Entry, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    private void show(RaceView race) {
        boolean sameExplanations = shown != null && race != null && shown.key().equals(race.key());
        shown = race;
        list.setValue(race);
        if (race == null) {
            summary.setText("No fault yet: select clients and pull a cable (P), or run a scenario.");
            chart = newChart();
            chartSlot.getChildren().setAll(chart);
            table.getItems().clear();
            showExplanations(null);
            return;
        }
        summary.setText(race.name() + ": " + race.kind() + " by " + race.backend() + " on "
                + targets(race.targets()) + String.format(Locale.ROOT, ", t0 = %.2f s", race.t0Seconds())
                + (race.active() ? ", still on" : String.format(Locale.ROOT, ", cleared at %.2f s", race.clearedSeconds()))
                + "; " + race.detections().size() + " detection(s), " + race.entries().size() + " end(s)");
        table.getItems().setAll(race.entries());
        List<String> names = new ArrayList<>();
        XYChart.Series<Number, String> measured = new XYChart.Series<>();
        measured.setName(race.entries().size() > MAX_BARS ? "measured (median)" : "measured");
        XYChart.Series<Number, String> predicted = new XYChart.Series<>();
        predicted.setName(race.entries().size() > MAX_BARS ? "predicted (median)" : "predicted");
        // Bottom to top in the chart: the first end at the top.
        List<Bar> bars = bars(race.entries());
        java.util.Collections.reverse(bars);
        for (Bar b : bars) {
            names.add(b.name());
            measured.getData().add(new XYChart.Data<>(Math.max(0, b.measuredMs()), b.name()));
            if (!Double.isNaN(b.predictedMs())) {
                predicted.getData().add(new XYChart.Data<>(Math.max(0, b.predictedMs()), b.name()));
            }
        }
        chart = newChart();
        // Room for every category label: the axis drops labels that would overlap.
        chart.setPrefHeight(Math.max(240, 70 + 24 * names.size()));
        ((CategoryAxis) chart.getYAxis()).setCategories(FXCollections.observableArrayList(names));
        chart.getData().addAll(List.of(measured, predicted));
        chartSlot.getChildren().setAll(chart);
        chart.setTitle(race.name() + " " + race.kind() + ": measured vs predicted");
        if (!sameExplanations) {
            showExplanations(race);
        }
    }

    private void showExplanations(RaceView race) {
        explanations.getChildren().clear();
        for (Explanations.Paragraph p : Explanations.forRace(race)) {
            Label title = new Label(p.title());
            title.getStyleClass().add("explanation-title");
            title.setWrapText(true);
            Label text = new Label(p.text());
            text.getStyleClass().add("explanation");
            text.setId("explanation-" + p.key());
            text.setWrapText(true);
            text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            explanations.getChildren().addAll(title, text);
        }
    }

    /** A race with more ends than this draws one bar per kind of end (side and cause) instead of one per end. */
    static final int MAX_BARS = 24;

    /** One bar of the chart and its predicted twin. */
    public record Bar(String name, double measuredMs, double predictedMs) {
    }

    /**
     * One bar per end, or for a large race (a cable pulled on a thousand clients) one per kind of
     * end with the median delays and the count: a bar per end would be thousands of nodes,
     * rebuilt whenever the race grows. The table below still lists every end.
     */
    public static List<Bar> bars(List<RaceView.Entry> entries) {
        List<Bar> bars = new ArrayList<>();
        if (entries.size() <= MAX_BARS) {
            java.util.Set<String> names = new java.util.HashSet<>();
            for (RaceView.Entry e : entries) {
                String name = e.category();
                if (!names.add(name)) {
                    name = name + " (" + e.connection() + ")";
                    names.add(name);
                }
                bars.add(new Bar(name, e.measuredMs(), e.predictedMs()));
            }
            return bars;
        }
        java.util.Map<String, List<RaceView.Entry>> kinds = new java.util.LinkedHashMap<>();
        for (RaceView.Entry e : entries) {
            kinds.computeIfAbsent(e.side() + " " + e.cause(), k -> new ArrayList<>()).add(e);
        }
        kinds.forEach((kind, group) -> bars.add(new Bar(kind + " ×" + group.size(),
                median(group.stream().mapToDouble(RaceView.Entry::measuredMs)),
                median(group.stream().mapToDouble(RaceView.Entry::predictedMs)))));
        return bars;
    }

    private static double median(java.util.stream.DoubleStream values) {
        double[] v = values.filter(d -> !Double.isNaN(d)).sorted().toArray();
        return v.length == 0 ? Double.NaN : v[v.length / 2];
    }

    /** The targets' names, the first few of a large fault only: a thousand names would make a page of label. */
    public static String targets(List<String> targets) {
        int shown = 6;
        if (targets.size() <= shown + 1) {
            return String.join(", ", targets);
        }
        return String.join(", ", targets.subList(0, shown)) + " and " + (targets.size() - shown) + " more";
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String signed(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%+.1f", v);
    }

    /** The entries shown now, for tests. */
    public List<RaceView.Entry> entries() {
        return List.copyOf(table.getItems());
    }

    public BarChart<Number, String> chart() {
        return chart;
    }
}
