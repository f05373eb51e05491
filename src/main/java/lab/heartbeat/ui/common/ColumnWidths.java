package lab.heartbeat.ui.common;

import javafx.scene.control.TableColumn;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/** Widths that let a table column show its whole title and its cells' whole words. */
public final class ColumnWidths {
    /** Room around a cell's text: its padding and a little air. */
    public static final double CELL_PADDING = 24;

    private ColumnWidths() {
    }

    /** Room for a header's title (bold, see base.css) and its sort arrow. */
    public static double header(String title) {
        Text text = new Text(title);
        text.setFont(Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 12));
        return text.getLayoutBounds().getWidth() + 22;
    }

    /** The width of a cell's text. */
    public static double text(String s) {
        Text t = new Text(s);
        t.setFont(Font.font(Font.getDefault().getFamily(), 12));
        return t.getLayoutBounds().getWidth();
    }

    /** Never narrower than the column's title: a column shows its whole header. */
    public static void fitHeader(TableColumn<?, ?> column) {
        column.setMinWidth(header(column.getText()));
        column.setPrefWidth(Math.max(column.getPrefWidth(), column.getMinWidth()));
    }
}
