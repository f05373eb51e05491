package lab.heartbeat.ui.race;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import lab.heartbeat.ui.common.ColumnWidths;
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
        // Columns keep the width their words need; a narrow panel scrolls sideways rather than cutting them.
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getColumns().setAll(List.of(
                column("connection", RaceSnapshot.Entry::connection),
                column("side", RaceSnapshot.Entry::side),
                column("ended by", RaceSnapshot.Entry::cause),
                column("measured ms", e -> ms(e.measuredMs())),
                column("predicted ms", RaceTable::predicted),
                column("error", e -> signed(e.errorMs()))));
        return table;
    }

    /** Shows the race's ends, the table high enough for a dozen rows. */
    static void show(TableView<RaceSnapshot.Entry> table, RaceSnapshot race) {
        List<RaceSnapshot.Entry> entries = race == null ? List.of() : race.entries();
        if (!entries.equals(table.getItems())) {
            table.getItems().setAll(entries);
            fitWords(table);
        }
        fit(table, ROWS_SHOWN);
    }

    /** Widens each column to its title and its longest cell, so that every word shows whole. */
    private static void fitWords(TableView<RaceSnapshot.Entry> table) {
        for (TableColumn<RaceSnapshot.Entry, ?> c : table.getColumns()) {
            double widest = 0;
            for (RaceSnapshot.Entry e : table.getItems()) {
                Object value = c.getCellObservableValue(e).getValue();
                widest = Math.max(widest, ColumnWidths.text(String.valueOf(value)));
            }
            c.setPrefWidth(Math.max(c.getMinWidth(), widest + ColumnWidths.CELL_PADDING));
        }
    }

    /** Makes the table tall enough for {@code rows} rows and its header, no scroll bar below that. */
    static void fit(TableView<RaceSnapshot.Entry> table, int rows) {
        double height = ROW_PX * Math.max(2, Math.min(rows, table.getItems().size())) + 32;
        table.setPrefHeight(height);
        table.setMinHeight(height);
    }

    private static TableColumn<RaceSnapshot.Entry, String> column(String title,
            Function<RaceSnapshot.Entry, String> value) {
        TableColumn<RaceSnapshot.Entry, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setSortable(false);
        ColumnWidths.fitHeader(c);
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
