package lab.heartbeat.ui.charts;

import io.fair_acc.chartfx.plugins.ChartPlugin;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;

/** A sentence in the middle of a chart's plot saying why the chart is empty; hidden when there is none. */
final class PlotNote extends ChartPlugin {
    private final Label label = new Label();

    PlotNote() {
        label.getStyleClass().add("plot-note");
        label.setManaged(false);
        label.setWrapText(true);
        label.setMouseTransparent(true);
        label.setVisible(false);
        getChartChildren().add(label);
    }

    /** Shows {@code text}, or nothing when it is null. */
    void say(String text) {
        label.setText(text == null ? "" : text);
        label.setVisible(text != null);
        runPostLayout();
    }

    String text() {
        return label.isVisible() ? label.getText() : null;
    }

    @Override
    public void runPostLayout() {
        if (getChart() == null || !label.isVisible()) {
            return;
        }
        Bounds plot = getChart().getCanvas().getBoundsInLocal();
        if (plot.getWidth() <= 16 || plot.getHeight() <= 0) {
            return;
        }
        double w = Math.min(plot.getWidth() - 16, Math.ceil(label.prefWidth(-1)));
        double h = Math.ceil(label.prefHeight(w));
        label.resizeRelocate(plot.getMinX() + (plot.getWidth() - w) / 2, plot.getMinY() + (plot.getHeight() - h) / 2,
                w, h);
    }
}
