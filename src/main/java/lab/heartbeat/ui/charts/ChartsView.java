package lab.heartbeat.ui.charts;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.ChartPlugin;
import io.fair_acc.chartfx.plugins.XRangeIndicator;
import io.fair_acc.chartfx.plugins.XValueIndicator;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.dataset.DataSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.fair_acc.chartfx.ui.geometry.Side;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The three charts of the selected clients: RTT; heartbeat counters with misses on their own axis;
 * the kernel's view. ChartFX redraws once per pulse whatever the number of data set writes.
 */
public final class ChartsView extends VBox {
    private final XYChart rtt = chart("RTT", "RTT", "ms");
    private final XYChart counters = chart("Heartbeats", "frames", null);
    private final XYChart kernel = chart("Kernel", "count", null);
    private final ErrorDataSetRenderer missesRenderer = new ErrorDataSetRenderer();
    /** Per chart, the indicators drawn for the markers shown. */
    private final List<Map<MarkerKey, ChartPlugin>> drawn =
            new ArrayList<>(List.of(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>()));
    /** Per chart, how many detection labels were placed, so that the next takes the next height. */
    private final int[] labelTurns = new int[3];
    private List<ChartMarker> markers = List.of();

    public ChartsView() {
        getStyleClass().add("charts");
        DefaultNumericAxis missesAxis = new DefaultNumericAxis("misses");
        missesAxis.setSide(Side.RIGHT);
        missesAxis.setAutoRanging(true);
        missesRenderer.getAxes().add(missesAxis);
        missesRenderer.setErrorStyle(ErrorStyle.NONE);
        missesRenderer.setDrawMarker(false);
        counters.getRenderers().add(missesRenderer);
        counters.getAxes().add(missesAxis);
        rtt.setId("chart-rtt");
        counters.setId("chart-counters");
        kernel.setId("chart-kernel");
        for (XYChart c : charts()) {
            VBox.setVgrow(c, Priority.ALWAYS);
        }
        getChildren().addAll(charts());
    }

    /** Where detection labels sit on a marker line, from its bottom (0) to its top (1), in turn. */
    private static final double[] DETECTION_LABEL_HEIGHTS = {0.05, 0.95, 0.28, 0.72};

    /** The height of a legend's columns: less than the plot's at the chart's minimum height. */
    static final double LEGEND_COLUMN_HEIGHT = 100;

    private static XYChart chart(String title, String yName, String yUnit) {
        DefaultNumericAxis x = new DefaultNumericAxis("time", "s");
        x.setSide(Side.BOTTOM);
        x.setAutoRanging(true);
        DefaultNumericAxis y = yUnit == null ? new DefaultNumericAxis(yName) : new DefaultNumericAxis(yName, yUnit);
        y.setSide(Side.LEFT);
        y.setAutoRanging(true);
        y.setForceZeroInRange(true);
        XYChart chart = new XYChart(x, y);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.setLegend(new ColumnLegend(LEGEND_COLUMN_HEIGHT));
        chart.setMinHeight(140);
        chart.setPrefHeight(220);
        if (chart.getRenderers().get(0) instanceof ErrorDataSetRenderer r) {
            r.setErrorStyle(ErrorStyle.NONE);
            r.setDrawMarker(false);
        }
        return chart;
    }

    /** Shows the data sets of a new selection; called on the FX thread. */
    public void show(ChartFeed.ChartSets sets) {
        rtt.getDatasets().setAll(sets.rtt());
        counters.getDatasets().setAll(sets.counters());
        missesRenderer.getDatasets().setAll(sets.misses());
        kernel.getDatasets().setAll(sets.kernel());
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
        List<XYChart> all = charts();
        for (int i = 0; i < all.size(); i++) {
            XYChart c = all.get(i);
            Map<MarkerKey, ChartPlugin> before = drawn.get(i);
            Map<MarkerKey, ChartPlugin> now = new LinkedHashMap<>();
            for (ChartMarker m : markers) {
                MarkerKey key = new MarkerKey(m.kind(), m.from(), m.label());
                if (now.containsKey(key)) {
                    continue;
                }
                ChartPlugin indicator = before.remove(key);
                if (indicator == null) {
                    indicator = indicator(c, m, i);
                    c.getPlugins().add(indicator);
                } else if (indicator instanceof XRangeIndicator range && range.getUpperBound() != m.to()) {
                    range.setUpperBound(m.to());
                }
                now.put(key, indicator);
            }
            c.getPlugins().removeAll(before.values());
            drawn.set(i, now);
        }
    }

    private ChartPlugin indicator(XYChart c, ChartMarker m, int chart) {
        ChartPlugin indicator = switch (m.kind()) {
            case DETECTION -> {
                XValueIndicator line = new XValueIndicator(c.getXAxis(), m.from(), m.label());
                // Detections of one fault come close together: their labels take turns at the
                // bottom and the top (then between), clear of the fault's label in the middle.
                line.setLabelPosition(DETECTION_LABEL_HEIGHTS[labelTurns[chart]++ % DETECTION_LABEL_HEIGHTS.length]);
                yield line;
            }
            case FAULT -> new XRangeIndicator(c.getXAxis(), m.from(), m.to(), m.label());
        };
        String style = "marker-" + m.kind().name().toLowerCase(java.util.Locale.ROOT);
        indicator.getChartChildren().forEach(n -> n.getStyleClass().add(style));
        return indicator;
    }

    /** A marker as drawn, whatever its end: a fault still on keeps its indicator as it grows. */
    private record MarkerKey(ChartMarker.Kind kind, double from, String label) {
    }

    /** The markers drawn now. */
    public List<ChartMarker> markers() {
        return markers;
    }

    /** The charts by the names their PNG files take, in the order they are shown. */
    public java.util.Map<String, XYChart> byName() {
        java.util.Map<String, XYChart> named = new java.util.LinkedHashMap<>();
        named.put("chart-rtt", rtt);
        named.put("chart-heartbeats", counters);
        named.put("chart-kernel", kernel);
        return named;
    }

    /** The charts, in the order they are shown and exported. */
    public List<XYChart> charts() {
        return List.of(rtt, counters, kernel);
    }

    /** The data sets shown now, for tests. */
    public List<DataSet> rttSets() {
        return List.copyOf(rtt.getDatasets());
    }
}
