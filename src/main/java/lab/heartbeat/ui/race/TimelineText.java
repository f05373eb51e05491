package lab.heartbeat.ui.race;

import javafx.geometry.VPos;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/** The race timeline's texts: made in one style, measured, and put where they cover no mark. */
final class TimelineText {

    private TimelineText() {
    }

    static Text text(String s, Font font, String style) {
        Text t = new Text(s);
        t.setFont(font);
        t.setTextOrigin(VPos.CENTER);
        t.getStyleClass().addAll("timeline-text", style);
        return t;
    }

    static double width(String s, Font font) {
        Text t = new Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    /**
     * Puts a mark's label right of its marks (before the triangle of the way back, or after it),
     * else left of them, else (or always, for a summary lane: {@code lineBelow}) on a line of its
     * own under them, never past the plot's edges.
     */
    static void place(Text label, double[] span, double backX, double labels, double limit, double y,
            double lineBelow) {
        double w = width(label.getText(), label.getFont());
        double x = Double.isNaN(lineBelow) ? labelX(span, backX, w, labels, limit) : Double.NaN;
        label.setY(y);
        if (!Double.isNaN(x)) {
            label.setX(x);
        } else {
            label.setX(Math.max(labels + 2, Math.min(span[0], limit - w)));
            label.setY(Double.isNaN(lineBelow) ? y + 11 : lineBelow);
        }
    }

    /** Where a label of width w fits beside the marks without covering them, or NaN. */
    static double labelX(double[] span, double backX, double w, double labels, double limit) {
        boolean backRight = !Double.isNaN(backX) && backX > span[1];
        if (span[1] + 8 + w <= (backRight ? backX - 10 : limit)) {
            return span[1] + 8;
        }
        if (backRight && backX + 10 + w <= limit) {
            return backX + 10;
        }
        boolean backLeft = !Double.isNaN(backX) && backX < span[0];
        if (span[0] - 8 - w >= (backLeft ? backX + 10 : labels + 2)) {
            return span[0] - 8 - w;
        }
        return Double.NaN;
    }
}
