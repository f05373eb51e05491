package lab.heartbeat.ui.race;

import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import lab.heartbeat.ui.lab.RaceSnapshot;

/**
 * The race timeline's marks: filled for what was measured, hollow for a point prediction, a band
 * for a kernel timer's window, a range with its median for a group, a triangle for a client
 * connected again. One colour per mechanism, the same in both themes; grey for an end that was no
 * detection.
 */
final class TimelineMarks {
    private static final Map<String, Color> COLOURS = Map.of(
            "app-heartbeat", Color.web("#2f7fd0"),
            "server-sweep", Color.web("#2ca02c"),
            "os-keepalive", Color.web("#d8423a"),
            "user-timeout", Color.web("#9a6bd0"),
            "phi-accrual", Color.web("#f08a1c"),
            "beacon", Color.web("#17a8b8"));
    private static final Color OTHER = Color.web("#8a939d");
    private static final double R = 6.5;

    private TimelineMarks() {
    }

    static Color colour(String what) {
        return COLOURS.getOrDefault(what, OTHER);
    }

    /**
     * An end's marks: its prediction under its measurement. Returns the marks' left and right edge,
     * where the label may go.
     */
    static double[] end(List<Node> nodes, RaceSnapshot.Entry e, TimeScale scale, double y) {
        Color c = colour(e.isDetection() ? e.mechanism() : e.cause());
        double x = scale.x(e.measuredMs());
        double left = x - R;
        double right = x + R;
        if (e.hasPrediction() && e.predictsWindow()) {
            double lo = scale.x(e.predictedLoMs());
            double hi = Math.max(scale.x(e.predictedHiMs()), lo + 4);
            nodes.add(mark(window(lo, hi, y, c), "timeline-window"));
            left = Math.min(left, lo);
            right = Math.max(right, hi);
        } else if (e.hasPrediction()) {
            double p = scale.x(e.predictedMs());
            nodes.add(mark(predicted(p, y, c), "timeline-predicted"));
            left = Math.min(left, p - R - 2);
            right = Math.max(right, p + R + 2);
        }
        Shape measured = e.isDetection() ? new Circle(x, y, R) : diamond(x, y);
        measured.setFill(c);
        measured.getStyleClass().add("timeline-measured");
        nodes.add(measured);
        return new double[] {left, right};
    }

    static Circle predicted(double x, double y, Color c) {
        Circle p = new Circle(x, y, R + 2);
        p.setFill(Color.TRANSPARENT);
        p.setStroke(c);
        p.setStrokeWidth(2);
        return p;
    }

    static Rectangle window(double lo, double hi, double y, Color c) {
        Rectangle band = new Rectangle(lo, y - R - 2, hi - lo, 2 * R + 4);
        band.setFill(c.deriveColor(0, 1, 1, 0.22));
        band.setStroke(c);
        band.setStrokeWidth(1.5);
        return band;
    }

    /**
     * A group's first to last as a bar with end ticks and its median as a mark; the way back
     * (triangles) when {@code back}.
     */
    static double[] range(List<Node> nodes, String what, double firstMs, double medianMs, double lastMs,
            TimeScale scale, double y, boolean back) {
        Color c = colour(what);
        double first = scale.x(firstMs);
        double last = Math.max(scale.x(lastMs), first + 1);
        Rectangle bar = new Rectangle(first, y - 4, last - first, 8);
        bar.setFill(c);
        bar.setOpacity(0.35);
        nodes.add(ink(bar, back));
        for (double x : new double[] {first, last}) {
            Line tick = new Line(x, y - 8, x, y + 8);
            tick.setStroke(c);
            tick.setStrokeWidth(2);
            nodes.add(ink(tick, back));
        }
        double median = scale.x(medianMs);
        Shape mark = back ? triangle(median, y) : new Circle(median, y, R);
        mark.setFill(c);
        mark.getStyleClass().add(back ? "timeline-back" : "timeline-measured");
        nodes.add(mark);
        return new double[] {first - R, last + R};
    }

    private static Shape mark(Shape s, String style) {
        s.getStyleClass().add(style);
        return s;
    }

    /** The way back is drawn in the theme's text colour (the stylesheet's), like the triangles. */
    private static Shape ink(Shape s, boolean back) {
        if (back) {
            s.getStyleClass().add("timeline-ink");
        }
        return s;
    }

    /** When a client was connected again. */
    static Polygon back(double x, double y) {
        Polygon t = triangle(x, y);
        t.getStyleClass().add("timeline-back");
        return t;
    }

    static Polygon triangle(double x, double y) {
        Polygon t = new Polygon(x, y - 7, x - 7, y + 6, x + 7, y + 6);
        t.getStyleClass().add("timeline-triangle");
        return t;
    }

    static Polygon diamond(double x, double y) {
        return new Polygon(x, y - R, x + R, y, x, y + R, x - R, y);
    }
}
