package lab.heartbeat.ui.charts;

import io.fair_acc.chartfx.legend.spi.DefaultLegend;
import io.fair_acc.chartfx.ui.geometry.Side;

/**
 * ChartFX's legend beside the plot, in columns of a fixed height. ChartFX asks a legend for its
 * width at one height and lays it out at another, so the default legend wrapped into more columns
 * than it was given room for, and drew them over the plot. This one is as wide as its columns of
 * {@code columnHeight} make it, whatever height it is asked for; laid out taller, it needs no more.
 */
public final class ColumnLegend extends DefaultLegend {

    ColumnLegend(double columnHeight) {
        setSide(Side.RIGHT);
        setVertical(true);
        setPrefWrapLength(columnHeight);
    }

    @Override
    protected double computePrefWidth(double forHeight) {
        return super.computePrefWidth(-1);
    }

    @Override
    protected double computeMinWidth(double forHeight) {
        return computePrefWidth(-1);
    }
}
