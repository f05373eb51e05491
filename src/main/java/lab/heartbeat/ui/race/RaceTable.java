package lab.heartbeat.ui.race;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import lab.heartbeat.ui.lab.RaceSnapshot;

/** The table of a race's ends beside its timeline: every end with its measured and predicted delay. */
final class RaceTable {
    static final double ROW_PX = 24;
    private static final int ROWS_SHOWN = 12;

    private RaceTable() {
    }

    static TableView<RaceSnapshot.Entry> make() {
        TableView<RaceSnapshot.Entry> table = new TableView<>();
        table.setId("race-table");
        table.setPlaceholder(new Label("no ends yet"));
        table.setFixedCellSize(ROW_PX);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                column("connection", RaceSnapshot.Entry::connection, 156),
                column("side", RaceSnapshot.Entry::side, 48),
                column("ended by", RaceSnapshot.Entry::cause, 104),
                column("measured ms", e -> ms(e.measuredMs()), 100),
                column("predicted ms", RaceTable::predicted, 102),
                column("error", e -> signed(e.errorMs()), 50)));
        return table;
    }

    /** Shows the race's ends, the table high enough for a dozen rows. */
    static void show(TableView<RaceSnapshot.Entry> table, RaceSnapshot race) {
        List<RaceSnapshot.Entry> entries = race == null ? List.of() : race.entries();
        if (!entries.equals(table.getItems())) {
            table.getItems().setAll(entries);
        }
        fit(table, ROWS_SHOWN);
    }

    /** Makes the table tall enough for {@code rows} rows and its header, no scroll bar below that. */
    static void fit(TableView<RaceSnapshot.Entry> table, int rows) {
        double height = ROW_PX * Math.max(2, Math.min(rows, table.getItems().size())) + 32;
        table.setPrefHeight(height);
        table.setMinHeight(height);
    }

    private static TableColumn<RaceSnapshot.Entry, String> column(String title,
            Function<RaceSnapshot.Entry, String> value, double width) {
        TableColumn<RaceSnapshot.Entry, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(width * 0.8);
        c.setSortable(false);
        return c;
    }

    /** A point, or a kernel timer's window "lo–hi". */
    static String predicted(RaceSnapshot.Entry e) {
        if (!e.hasPrediction()) {
            return "-";
        }
        return e.predictsWindow() ? ms(e.predictedLoMs()) + "–" + ms(e.predictedHiMs()) : ms(e.predictedMs());
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String signed(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%+.1f", v);
    }
}
