package lab.heartbeat.ui.charts;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.ui.geometry.Side;
import javafx.scene.layout.Region;

/**
 * How every chart of the dashboard is built, so that they line up: the same time axis, left axes
 * of one width, on the right the one right axis or an empty strip as wide as it, no ChartFX legend beside the plot (the {@link LegendRow} above all charts
 * tells the colours), and a marker layer and an empty-chart note on each.
 */
final class LabCharts {
    static final double MIN_HEIGHT = 110;
    static final double PREF_HEIGHT = 220;
    private static final String RIGHT_STRIP = "axis-strip";

    private LabCharts() {
    }

    /** A chart whose first renderer draws solid lines on {@code y}; {@code right} may be null. */
    static XYChart chart(String id, String title, LabAxis y, LabAxis right) {
        XYChart chart = new XYChart(LabAxis.time(), y);
        chart.setId(id);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        // Hidden, ChartFX's legend still reserved the height of all its entries beneath the plot, so
        // with a few clients charted the plot, its title and its time axis overflowed into the next chart.
        chart.getLegend().getNode().setManaged(false);
        chart.setMinHeight(MIN_HEIGHT);
        chart.setPrefHeight(PREF_HEIGHT);
        style((ErrorDataSetRenderer) chart.getRenderers().get(0), "series-solid");
        if (right == null) {
            Region strip = new Region();
            strip.getStyleClass().add(RIGHT_STRIP);
            chart.getAxesAndCanvasPane().addSide(Side.RIGHT, strip);
        } else {
            chart.getAxes().add(right);
        }
        chart.getPlugins().addAll(new MarkerLayer(), new PlotNote());
        return chart;
    }

    /**
     * Makes the empty strip right of a chart's plot as wide as {@code axis}, the one right axis of
     * the charts shown together: ChartFX sizes a right axis by its labels, so a fixed strip would not do.
     */
    static void rightStripAsWideAs(XYChart chart, LabAxis axis) {
        chart.getAxesAndCanvasPane().getChildren().stream().filter(n -> n.getStyleClass().contains(RIGHT_STRIP))
                .map(Region.class::cast).forEach(strip -> {
                    strip.minWidthProperty().bind(axis.widthProperty());
                    strip.prefWidthProperty().bind(axis.widthProperty());
                    strip.maxWidthProperty().bind(axis.widthProperty());
                });
    }

    /** Another renderer on the chart, its lines in the style class's dash pattern; on {@code axis} if given. */
    static ErrorDataSetRenderer addRenderer(XYChart chart, String styleClass, LabAxis axis) {
        ErrorDataSetRenderer r = style(new ErrorDataSetRenderer(), styleClass);
        if (axis != null) {
            r.getAxes().add(axis);
        }
        chart.getRenderers().add(r);
        return r;
    }

    /** Fills under each line: with each band's top edge as its line, the bands stack. */
    static void fillAreas(ErrorDataSetRenderer r) {
        r.setPolyLineStyle(LineStyle.AREA);
    }

    private static ErrorDataSetRenderer style(ErrorDataSetRenderer r, String styleClass) {
        r.setErrorStyle(ErrorStyle.NONE);
        r.setDrawMarker(false);
        r.setAllowNaNs(true);
        // Each client keeps its colour from chart to chart and series to series: colours count per renderer.
        r.setUseGlobalColorIndex(false);
        r.setShowInLegend(false);
        r.getStyleClass().add(styleClass);
        return r;
    }

    static MarkerLayer markers(XYChart chart) {
        return plugin(chart, MarkerLayer.class);
    }

    static PlotNote note(XYChart chart) {
        return plugin(chart, PlotNote.class);
    }

    private static <T> T plugin(XYChart chart, Class<T> type) {
        return chart.getPlugins().stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }
}
