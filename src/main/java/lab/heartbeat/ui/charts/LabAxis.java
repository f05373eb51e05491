package lab.heartbeat.ui.charts;

import io.fair_acc.chartfx.axes.spi.AxisRange;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.ui.geometry.Side;
import java.util.Locale;
import javafx.util.StringConverter;

/**
 * An axis of the lab's charts. A vertical one has a fixed width, so that the plot areas of charts
 * stacked in a column line up whatever their tick labels, and a fault's shading spans the same
 * pixels on each. An axis of counts (frames, segments, clients) ticks at whole numbers only and
 * spans at least one, so a count that stays at zero or one reads 0 and 1, not 0.0, 0.5, 1.0.
 */
final class LabAxis extends DefaultNumericAxis {
    /** Every vertical axis is this wide at least (six-digit ticks and the name fit), so the plots line up. */
    static final double VERTICAL_WIDTH = 78;

    private final boolean counts;

    private LabAxis(String name, String unit, Side side, boolean counts) {
        super(name);
        this.counts = counts;
        setUnit(unit);
        setSide(side);
        setAutoRanging(true);
        if (side.isVertical()) {
            setForceZeroInRange(true);
        }
        if (counts) {
            setMinorTickCount(0);
            setTickLabelFormatter(new StringConverter<>() {
                @Override
                public String toString(Number n) {
                    return String.format(Locale.ROOT, "%,d", Math.round(n.doubleValue()));
                }

                @Override
                public Number fromString(String text) {
                    return Long.parseLong(text.replace(",", ""));
                }
            });
        }
    }

    /** The time axis, in seconds since the lab started. */
    static LabAxis time() {
        return new LabAxis("time", "s", Side.BOTTOM, false);
    }

    /** Names a time axis ("time [s]"), or leaves its name out where the chart below names the same axis. */
    void nameTime(boolean named) {
        setName(named ? "time" : null);
        setUnit(named ? "s" : null);
    }

    /** A vertical axis of measured values (ms, phi). {@code unit} null: a pure number. */
    static LabAxis values(String name, String unit, Side side) {
        return new LabAxis(name, unit, side, false);
    }

    /** A vertical axis of counts, in {@code unit}s. */
    static LabAxis counts(String name, String unit, Side side) {
        return new LabAxis(name, unit, side, true);
    }

    @Override
    protected double computePrefWidth(double height) {
        // ChartFX lays its axes out at their preferred width; a fixed prefWidth would skip the
        // computation that also places the axis name, so the width is widened here instead.
        double width = super.computePrefWidth(height);
        return getSide().isVertical() ? Math.max(VERTICAL_WIDTH, width) : width;
    }

    @Override
    protected double computeTickUnit(double rawTickUnit) {
        double unit = super.computeTickUnit(rawTickUnit);
        return counts ? Math.max(1, Math.rint(unit)) : unit;
    }

    @Override
    protected AxisRange autoRange(double minValue, double maxValue, double length, double labelSize) {
        if (counts && Double.isFinite(minValue) && Double.isFinite(maxValue) && maxValue - minValue < 1) {
            return super.autoRange(minValue, minValue + 1, length, labelSize);
        }
        return super.autoRange(minValue, maxValue, length, labelSize);
    }

    @Override
    protected void updateAxisLabel() {
        super.updateAxisLabel();
        // ChartFX writes "name []" for an empty unit; a pure number has no brackets.
        String text = getAxisLabel().getText();
        if (text != null && text.endsWith(" []")) {
            getAxisLabel().setText(text.substring(0, text.length() - 3));
        }
    }
}
