package lab.heartbeat.ui.charts;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.plugins.YValueIndicator;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.ui.geometry.Side;
import io.fair_acc.dataset.DataSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import lab.heartbeat.ui.charts.ClientHistory.Column;

/**
 * The charts. With clients selected, their series (at most {@value ChartFeed#MAX_CHARTED}): RTT;
 * heartbeats sent and acknowledged, with misses on their own axis; the kernel's view; phi with its
 * threshold when a phi accrual client is among them. With none selected, the whole lab: clients
 * per state, stacked, and detections and reconnections per second. One legend above all charts;
 * ChartFX redraws once per pulse whatever the number of data set writes.
 */
public final class ChartsView extends VBox {
    private static final String SERIES_STYLES = "solid: sent, dashed: acknowledged, dotted: misses (right axis)";

    private final LabAxis missesAxis = LabAxis.counts("misses", null, Side.RIGHT);
    private final XYChart rtt = LabCharts.chart("chart-rtt", "RTT of acknowledged heartbeats",
            LabAxis.values("RTT", "ms", Side.LEFT), null);
    private final XYChart counters = LabCharts.chart("chart-counters", "Heartbeats (" + SERIES_STYLES + ")",
            LabAxis.counts("frames", null, Side.LEFT), missesAxis);
    private final XYChart kernel = LabCharts.chart("chart-kernel",
            "Kernel TCP (solid: keepalive probes, dashed: retransmissions, dotted: unacknowledged)",
            LabAxis.counts("segments", null, Side.LEFT), null);
    private final XYChart phi = LabCharts.chart("chart-phi", "Phi accrual: φ over time, the dashed line its threshold φ*",
            LabAxis.values("φ", null, Side.LEFT), null);
    private final XYChart states = LabCharts.chart("chart-states", "Clients per state (stacked)",
            LabAxis.counts("clients", null, Side.LEFT), null);
    private final XYChart rates = LabCharts.chart("chart-rates", "Detections and reconnections per second",
            LabAxis.values("events/s", null, Side.LEFT), null);
    private final ErrorDataSetRenderer acked = LabCharts.addRenderer(counters, "series-dashed", null);
    private final ErrorDataSetRenderer misses = LabCharts.addRenderer(counters, "series-dotted", missesAxis);
    private final ErrorDataSetRenderer retransmits = LabCharts.addRenderer(kernel, "series-dashed", null);
    private final ErrorDataSetRenderer unacked = LabCharts.addRenderer(kernel, "series-dotted", null);
    private final LegendRow legend = new LegendRow();
    private final Label note = new Label();
    private final List<YValueIndicator> thresholds = new ArrayList<>();
    private List<ChartMarker> markers = List.of();
    private List<XYChart> shown = List.of();

    public ChartsView() {
        getStyleClass().add("charts");
        note.setId("charts-note");
        note.getStyleClass().add("charts-note");
        note.setMinWidth(Region.USE_PREF_SIZE);
        ErrorDataSetRenderer bands = (ErrorDataSetRenderer) states.getRenderers().get(0);
        bands.getStyleClass().add("states");
        LabCharts.fillAreas(bands);
        ((ErrorDataSetRenderer) rates.getRenderers().get(0)).getStyleClass().add("rates");
        for (XYChart c : List.of(rtt, counters, kernel, phi, states, rates)) {
            VBox.setVgrow(c, Priority.ALWAYS);
            LabCharts.rightStripAsWideAs(c, missesAxis);
        }
        Region space = new Region();
        HBox.setHgrow(space, Priority.ALWAYS);
        HBox.setHgrow(legend, Priority.SOMETIMES);
        HBox header = new HBox(8, legend, space, note);
        header.getStyleClass().add("charts-header");
        getChildren().add(header);
        showCharts(List.of(states, rates));
    }

    /** Shows the data sets of a new selection, or the aggregate view; called on the FX thread. */
    public void show(ChartFeed.ChartSets sets) {
        if (sets.isAggregate()) {
            showAggregate(sets.aggregate());
            return;
        }
        rtt.getDatasets().setAll(sets.sets(Column.RTT));
        counters.getDatasets().setAll(sets.sets(Column.SENT));
        acked.getDatasets().setAll(sets.sets(Column.ACKED));
        misses.getDatasets().setAll(sets.sets(Column.MISSES));
        kernel.getDatasets().setAll(sets.sets(Column.PROBES));
        retransmits.getDatasets().setAll(sets.sets(Column.RETRANSMITS));
        unacked.getDatasets().setAll(sets.sets(Column.UNACKED));
        phi.getDatasets().setAll(sets.sets(Column.PHI));
        showThresholds(sets.phiThresholds());
        LabCharts.note(rtt).say(sets.notes().rtt());
        LabCharts.note(counters).say(sets.notes().heartbeats());
        LabCharts.note(kernel).say(sets.notes().kernel());
        List<LegendRow.Entry> entries = new ArrayList<>();
        for (int i = 0; i < sets.clients().size(); i++) {
            entries.add(new LegendRow.Entry(sets.clients().get(i), "series-color-" + i));
        }
        legend.show(entries);
        note.setText(sets.selected() > sets.clients().size()
                ? sets.clients().size() + " of " + sets.selected() + " selected clients shown (at most "
                        + ChartFeed.MAX_CHARTED + " at once)"
                : "");
        showCharts(sets.phiThresholds().isEmpty() ? List.of(rtt, counters, kernel) : List.of(rtt, counters, kernel, phi));
    }

    private void showAggregate(ChartFeed.LabAggregateSets sets) {
        // ChartFX draws the last data set first: the top band goes under the others, each band
        // covering the part of the one above that is not its own.
        states.getDatasets().setAll(sets.bands());
        rates.getDatasets().setAll(sets.detections(), sets.reconnections());
        List<LegendRow.Entry> entries = new ArrayList<>();
        for (LabAggregate.Band b : LabAggregate.Band.values()) {
            entries.add(new LegendRow.Entry(b.label(), "state-" + b.label()));
        }
        entries.add(new LegendRow.Entry("detections/s", "rate-detections"));
        entries.add(new LegendRow.Entry("reconnections/s", "rate-reconnections"));
        legend.show(entries);
        note.setText("the whole lab: select up to " + ChartFeed.MAX_CHARTED + " clients in the table to chart them");
        showCharts(List.of(states, rates));
    }

    private void showThresholds(List<Double> values) {
        phi.getPlugins().removeAll(thresholds);
        thresholds.clear();
        for (double value : values) {
            YValueIndicator line = new YValueIndicator(phi.getYAxis(), value,
                    String.format(Locale.ROOT, "φ* = %.1f", value));
            line.setEditable(false);
            line.setLabelPosition(0.02);
            thresholds.add(line);
        }
        phi.getPlugins().addAll(thresholds);
    }

    private void showCharts(List<XYChart> charts) {
        if (charts.equals(shown)) {
            return;
        }
        shown = charts;
        getChildren().setAll(getChildren().get(0));
        getChildren().addAll(charts);
        charts.forEach(c -> LabCharts.markers(c).show(markers));
        // The charts share one time axis, so only the bottom one names it: two lines more for each plot above.
        for (XYChart c : charts) {
            ((LabAxis) c.getXAxis()).nameTime(c == charts.get(charts.size() - 1));
        }
    }

    /**
     * Draws detections as labelled lines and faults as shaded intervals on every chart. Only what
     * changed is touched: a marker already drawn stays, and a fault still on has its end moved.
     */
    public void showMarkers(List<ChartMarker> newMarkers) {
        if (newMarkers.equals(markers)) {
            return;
        }
        markers = List.copyOf(newMarkers);
        // The charts shown only: a chart is given the markers of the moment when it is shown again.
        for (XYChart c : shown) {
            LabCharts.markers(c).show(markers);
        }
    }

    /**
     * Tells the charts shown, on the FX thread, that the poller wrote their data sets. ChartFX
     * passes a data set's change on from the writing thread, and in the real window (not under
     * Monocle) that notice was lost early on: with nothing else changing, the whole-lab charts
     * stopped at about 2.4 s while the lab ran on.
     */
    public void dataWritten() {
        shown.forEach(XYChart::invalidate);
    }

    /** The markers drawn now. */
    public List<ChartMarker> markers() {
        return markers;
    }

    /** The charts shown, by the names their PNG files take, in the order they are shown. */
    public Map<String, XYChart> byName() {
        Map<String, XYChart> named = new LinkedHashMap<>();
        for (XYChart c : shown) {
            named.put(c == counters ? "chart-heartbeats" : c.getId(), c);
        }
        return named;
    }

    /** The charts shown, in order. */
    public List<XYChart> charts() {
        return shown;
    }

    /** Whether the whole lab is shown rather than clients one by one. */
    public boolean isAggregate() {
        return shown.contains(states);
    }

    /** The note above the charts ("8 of 10 selected clients shown"), empty when there is none. */
    public String note() {
        return note.getText();
    }

    /** The legend's entries, as their texts. */
    public List<String> legendEntries() {
        return legend.getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }

    /** The sentence in a chart that says why it is empty, or null. */
    public static String emptyNote(XYChart chart) {
        return LabCharts.note(chart).text();
    }

    /** The marker labels a chart shows now (those left out for want of room are not among them). */
    public static List<Label> markerLabels(XYChart chart) {
        return LabCharts.markers(chart).shownLabels();
    }

    /** The nodes that draw a chart's markers, for tests: made once per marker. */
    public static List<javafx.scene.Node> markerNodes(XYChart chart) {
        return LabCharts.markers(chart).nodes();
    }

    /** The data sets of the RTT chart, for tests. */
    public List<DataSet> rttSets() {
        return List.copyOf(rtt.getDatasets());
    }
}
