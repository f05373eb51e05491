package lab.heartbeat.ui.race;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/** The race timeline's texts: made in one style, measured, and put where they cover no mark. */
final class TimelineText {
    private static final String ELLIPSIS = "…";

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
     * else left of them, never past the plot's edges nor into another lane: a label that fits on
     * neither side is shortened there, its whole text in a tooltip. A summary lane ({@code lineBelow})
     * has a line of its own for it under the marks.
     */
    static void place(Text label, double[] span, double backX, double labels, double limit, double y,
            double lineBelow) {
        String whole = label.getText();
        if (!Double.isNaN(lineBelow)) {
            label.setX(Math.max(labels + 2, Math.min(span[0], limit - width(whole, label.getFont()))));
            label.setY(lineBelow);
            return;
        }
        label.setY(y);
        for (String s : shortenings(whole)) {
            double x = labelX(span, backX, width(s, label.getFont()), labels, limit);
            if (!Double.isNaN(x)) {
                label.setText(s);
                label.setX(x);
                if (!s.equals(whole)) {
                    Tooltip.install(label, new Tooltip(whole));
                    label.setUserData(whole);
                }
                return;
            }
        }
        label.setText("");
        label.setUserData(whole);
        label.setX(span[1] + 8);
    }

    /**
     * A label, then shorter forms of it: first without the error in brackets (the table has it),
     * then cut letter by letter, longest first.
     */
    static List<String> shortenings(String whole) {
        List<String> forms = new ArrayList<>();
        forms.add(whole);
        int bracket = whole.lastIndexOf(" (");
        String base = bracket > 0 && whole.endsWith(")") ? whole.substring(0, bracket) : whole;
        if (!base.equals(whole)) {
            forms.add(base);
        }
        for (int n = base.length() - 1; n > 0; n--) {
            forms.add(base.substring(0, n).stripTrailing() + ELLIPSIS);
        }
        return forms;
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
