package lab.heartbeat.ui;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.dataset.DataSet;
import java.util.List;
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
        chart.getLegend().setSide(Side.RIGHT);
        chart.getLegend().setVertical(true);
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

    /** The charts, in the order they are shown and exported. */
    public List<XYChart> charts() {
        return List.of(rtt, counters, kernel);
    }

    /** The data sets shown now, for tests. */
    List<DataSet> rttSets() {
        return List.copyOf(rtt.getDatasets());
    }
}
