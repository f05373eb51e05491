package lab.heartbeat.ui.race;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;

/** The race timeline's legend, always shown under it: what each kind of mark means. */
final class TimelineLegend {
    private static final Color SAMPLE = Color.web("#8a939d");

    private TimelineLegend() {
    }

    static FlowPane make() {
        Circle measured = new Circle(6, SAMPLE);
        Rectangle fault = new Rectangle(16, 12);
        fault.getStyleClass().add("timeline-fault");
        Polygon closed = TimelineMarks.diamond(6, 6);
        closed.setFill(SAMPLE);
        Rectangle range = new Rectangle(22, 8, SAMPLE);
        range.setOpacity(0.5);
        FlowPane legend = new FlowPane(14, 4,
                item(measured, "measured end"),
                item(TimelineMarks.predicted(8, 8, SAMPLE), "predicted (point)"),
                item(TimelineMarks.window(0, 22, 8, SAMPLE), "predicted window (kernel timers)"),
                item(closed, "closed, no detection"),
                item(TimelineMarks.triangle(7, 7), "connected again"),
                item(range, "group: first to last, ● median"),
                item(fault, "fault in force"));
        legend.setId("race-timeline-legend");
        legend.getStyleClass().add("timeline-legend");
        legend.setPadding(new Insets(2, 4, 2, 4));
        return legend;
    }

    private static Label item(Node symbol, String text) {
        Label label = new Label(text, symbol);
        label.getStyleClass().add("timeline-legend-item");
        return label;
    }
}
