package lab.heartbeat.ui.charts;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.plugins.ChartPlugin;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

/**
 * The markers of one chart: faults as shaded intervals, detections as lines, each with a label
 * placed where it covers no other. Detection labels sit in rows from the top of the plot, fault
 * labels in the bottom row, so a detection just after its fault's start keeps its label; a label
 * goes to the first row where it is clear of the labels already there, to the right of its line,
 * or to the left where the plot ends; a label that fits in no row is left out, and its line's
 * tooltip still tells it. Laid out again after every chart layout, so the labels follow time.
 */
final class MarkerLayer extends ChartPlugin {
    private static final double GAP = 4;
    private static final double ROW_GAP = 1;
    /** Detection labels take at most this share of the plot's height, so the data stay readable under them. */
    private static final double LABEL_SHARE = 0.6;
    /** Even a short plot has this many rows of detection labels (the client and the server side). */
    private static final int MIN_ROWS = 2;
    private static final double PICK_WIDTH = 7;

    /** The nodes of one marker; a fault still on has its end moved, not its nodes made again. */
    private static final class Drawn {
        ChartMarker marker;
        final Node shape;
        final Line pick;
        final Label label;

        Drawn(ChartMarker marker) {
            this.marker = marker;
            String kind = marker.kind().name().toLowerCase(Locale.ROOT);
            label = new Label(marker.label());
            label.getStyleClass().addAll("marker-label", "marker-label-" + kind);
            label.setManaged(false);
            Tooltip tip = new Tooltip(marker.detail());
            Tooltip.install(label, tip);
            if (marker.kind() == ChartMarker.Kind.FAULT) {
                shape = new Rectangle();
                pick = null;
            } else {
                shape = new Line();
                pick = new Line();
                pick.getStyleClass().add("marker-pick");
                pick.setStrokeWidth(PICK_WIDTH);
                pick.setManaged(false);
                Tooltip.install(pick, tip);
            }
            shape.getStyleClass().add("marker-" + kind);
            if (marker.side() != null) {
                shape.getStyleClass().add("side-" + marker.side().name().toLowerCase(Locale.ROOT));
                label.getStyleClass().add("side-" + marker.side().name().toLowerCase(Locale.ROOT));
            }
            shape.setManaged(false);
            shape.setMouseTransparent(true);
        }

        List<Node> nodes() {
            return pick == null ? List.of(shape, label) : List.of(shape, pick, label);
        }
    }

    /** A marker as drawn, whatever its end. */
    private record Key(ChartMarker.Kind kind, double from, String label, String detail) {
        static Key of(ChartMarker m) {
            return new Key(m.kind(), m.from(), m.label(), m.detail());
        }
    }

    private final Map<Key, Drawn> drawn = new LinkedHashMap<>();

    /** Shows these markers: those already drawn keep their nodes, the others come and go. */
    void show(List<ChartMarker> markers) {
        Map<Key, Drawn> before = new LinkedHashMap<>(drawn);
        drawn.clear();
        for (ChartMarker m : markers) {
            Key key = Key.of(m);
            if (drawn.containsKey(key)) {
                continue;
            }
            Drawn d = before.remove(key);
            if (d == null) {
                d = new Drawn(m);
                getChartChildren().addAll(d.nodes());
            }
            d.marker = m;
            drawn.put(key, d);
        }
        before.values().forEach(d -> getChartChildren().removeAll(d.nodes()));
        layoutMarkers();
    }

    /** The labels shown now, for tests: a label left out for want of room is not among them. */
    List<Label> shownLabels() {
        return drawn.values().stream().map(d -> d.label).filter(Node::isVisible).toList();
    }

    /** The nodes of every marker, for tests: made once per marker. */
    List<Node> nodes() {
        return drawn.values().stream().flatMap(d -> d.nodes().stream()).toList();
    }

    @Override
    public void runPostLayout() {
        layoutMarkers();
    }

    private void layoutMarkers() {
        if (!(getChart() instanceof XYChart chart) || drawn.isEmpty()) {
            return;
        }
        Bounds plot = chart.getCanvas().getBoundsInLocal();
        if (plot.getWidth() <= 0 || plot.getHeight() <= 0) {
            return;
        }
        Axis time = chart.getXAxis();
        Rows rows = null;
        Rows faultRows = new Rows(1);
        List<Drawn> order = new ArrayList<>(drawn.values());
        // Faults first (their labels name what the detections answer), then detections left to right.
        order.sort(Comparator.comparing((Drawn d) -> d.marker.kind() != ChartMarker.Kind.FAULT)
                .thenComparingDouble(d -> d.marker.from()));
        for (Drawn d : order) {
            double from = plot.getMinX() + time.getDisplayPosition(d.marker.from());
            double to = plot.getMinX() + time.getDisplayPosition(d.marker.to());
            boolean inside = to >= plot.getMinX() && from <= plot.getMaxX();
            d.shape.setVisible(inside);
            if (d.pick != null) {
                d.pick.setVisible(inside);
            }
            d.label.setVisible(false);
            if (!inside) {
                continue;
            }
            if (d.shape instanceof Rectangle r) {
                double left = Math.max(plot.getMinX(), from);
                double right = Math.min(plot.getMaxX(), to);
                r.setX(left);
                r.setY(plot.getMinY());
                r.setWidth(Math.max(1, right - left));
                r.setHeight(plot.getHeight());
            } else {
                place((Line) d.shape, from, plot);
                place(d.pick, from, plot);
            }
            double w = Math.ceil(d.label.prefWidth(-1));
            double h = Math.ceil(d.label.prefHeight(-1));
            if (rows == null) {
                rows = new Rows(Math.max(MIN_ROWS, (int) (plot.getHeight() * LABEL_SHARE / (h + ROW_GAP))));
            }
            boolean fault = d.marker.kind() == ChartMarker.Kind.FAULT;
            double anchor = Math.max(plot.getMinX(), from);
            double left = anchor + GAP;
            if (left + w > plot.getMaxX()) {
                left = anchor - GAP - w;
            }
            left = Math.max(plot.getMinX(), Math.min(left, plot.getMaxX() - w));
            int row = (fault ? faultRows : rows).claim(left, left + w);
            if (row >= 0 && w <= plot.getWidth()) {
                double y = fault ? plot.getMaxY() - h - ROW_GAP : plot.getMinY() + ROW_GAP + row * (h + ROW_GAP);
                d.label.resizeRelocate(left, y, w, h);
                d.label.setVisible(true);
            }
        }
    }

    private static void place(Line line, double x, Bounds plot) {
        line.setStartX(x);
        line.setEndX(x);
        line.setStartY(plot.getMinY());
        line.setEndY(plot.getMaxY());
    }

    /** The rows of labels: in each, the spans taken so far. */
    private static final class Rows {
        private final List<List<double[]>> taken = new ArrayList<>();

        Rows(int count) {
            for (int i = 0; i < count; i++) {
                taken.add(new ArrayList<>());
            }
        }

        /** The first row where {@code left..right} is clear (and now taken), or -1. */
        int claim(double left, double right) {
            for (int row = 0; row < taken.size(); row++) {
                List<double[]> spans = taken.get(row);
                if (spans.stream().allMatch(s -> right + GAP <= s[0] || left >= s[1] + GAP)) {
                    spans.add(new double[] {left, right});
                    return row;
                }
            }
            return -1;
        }
    }
}
