package lab.heartbeat.ui.race;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.shape.Line;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/** The race timeline's time axis under its lanes: ticks with units, a break when it has one, and its title. */
final class TimelineAxis {
    private static final Font TICK_FONT = Font.font("DejaVu Sans", 12);

    private TimelineAxis() {
    }

    static List<Node> draw(TimeScale scale, double y, double height) {
        List<Node> nodes = new ArrayList<>();
        for (TimeScale.Segment s : scale.segments()) {
            nodes.add(ink(new Line(s.fromX(), y, s.toX(), y)));
        }
        if (scale.broken()) {
            double gapLeft = scale.segments().get(0).toX();
            double gapRight = scale.segments().get(1).fromX();
            for (double x : new double[] {gapLeft, gapRight}) {
                nodes.add(ink(new Line(x - 3, y + 5, x + 3, y - 5)));
            }
        }
        double lastRight = Double.NEGATIVE_INFINITY;
        for (TimeScale.Tick t : scale.ticks()) {
            nodes.add(ink(new Line(t.x(), y, t.x(), y + 5)));
            double w = TimelineText.width(t.label(), TICK_FONT);
            double x = Math.min(t.x() - w / 2, scale.right() - w);
            if (x > lastRight + 6) {
                Text label = TimelineText.text(t.label(), TICK_FONT, "timeline-tick");
                label.setX(x);
                label.setY(y + 14);
                nodes.add(label);
                lastRight = x + w;
            }
        }
        String title = "after t0, the moment the fault was in force";
        Text caption = TimelineText.text(title, TICK_FONT, "timeline-muted");
        double left = scale.segments().get(0).fromX();
        caption.setX(left + (scale.right() - left - TimelineText.width(title, TICK_FONT)) / 2);
        caption.setY(y + height - 12);
        nodes.add(caption);
        return nodes;
    }

    private static Line ink(Line line) {
        line.getStyleClass().add("timeline-axis");
        return line;
    }
}
