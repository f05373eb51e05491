package lab.heartbeat.ui.charts;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.shape.Rectangle;

/**
 * One legend for every chart above them: a swatch per client (its colour on every chart; which
 * series is which is told by line style, in each chart's title) or per state band. It wraps
 * instead of taking room from the plots, and at most eight clients are charted.
 */
final class LegendRow extends FlowPane {

    /** One entry: its text and the style class that colours its swatch. */
    record Entry(String text, String swatchClass) {
    }

    LegendRow() {
        super(10, 2);
        getStyleClass().add("charts-legend");
        setAlignment(Pos.CENTER_LEFT);
        // A FlowPane asks for the width of its wrap length (400 px by default) and wraps there even
        // with more room: asking for a whole row keeps eight clients on one line when they fit.
        setPrefWrapLength(2_000);
    }

    void show(List<Entry> entries) {
        getChildren().setAll(entries.stream().map(LegendRow::item).toList());
    }

    private static Label item(Entry e) {
        Rectangle swatch = new Rectangle(14, 10);
        swatch.getStyleClass().addAll("legend-swatch", e.swatchClass());
        Label label = new Label(e.text(), swatch);
        label.getStyleClass().add("legend-entry");
        return label;
    }
}
