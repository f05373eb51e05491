package lab.heartbeat.ui.connections;

import lab.heartbeat.ui.common.ColumnWidths;
import lab.heartbeat.ui.common.Formats;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import java.util.List;
import lab.heartbeat.telemetry.DataCount;
import lab.heartbeat.ui.common.NaturalOrder;

/** The connections table: one row per client, updated in place, sortable, multi-select. */
public final class ConnectionsTable extends TableView<ConnectionRow> {

    public ConnectionsTable(ConnectionsViewModel model) {
        setId("connections");
        getStyleClass().add("connections");
        SortedList<ConnectionRow> sorted = new SortedList<>(model.visibleRows());
        sorted.comparatorProperty().bind(comparatorProperty());
        setItems(sorted);
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        setPlaceholder(new Label("no clients"));
        // Columns keep the width their content needs; a narrow window scrolls rather than cutting names.
        setColumnResizePolicy(UNCONSTRAINED_RESIZE_POLICY);

        TableColumn<ConnectionRow, String> client = column("client", r -> new ReadOnlyObjectWrapper<>(r.name()));
        client.setComparator(NaturalOrder.INSTANCE);
        client.setPrefWidth(150);
        TableColumn<ConnectionRow, String> lab = column("lab", r -> new ReadOnlyObjectWrapper<>(r.lab()));
        lab.setComparator(NaturalOrder.INSTANCE);
        // Only with an attached lab is there anything to tell apart.
        lab.visibleProperty().bind(model.severalLabsProperty());
        TableColumn<ConnectionRow, String> profile = column("profile", r -> new ReadOnlyObjectWrapper<>(r.profile()));
        profile.setComparator(NaturalOrder.INSTANCE);
        profile.setPrefWidth(150);
        TableColumn<ConnectionRow, StateBadge> state = column("state", ConnectionRow::stateProperty);
        state.setCellFactory(c -> new BadgeCell());
        state.setComparator(java.util.Comparator.comparing(StateBadge::ordinal));
        state.setPrefWidth(100);
        TableColumn<ConnectionRow, Number> rtt = column("RTT ms", ConnectionRow::rttMsProperty);
        rtt.setCellFactory(c -> new TextCell<>(n -> Formats.millis(n.doubleValue())));
        TableColumn<ConnectionRow, Number> sent = column("sent", ConnectionRow::sentProperty);
        TableColumn<ConnectionRow, Number> acked = column("acked", ConnectionRow::ackedProperty);
        TableColumn<ConnectionRow, Number> misses = column("misses", ConnectionRow::missesProperty);
        TableColumn<ConnectionRow, Number> reconnects = column("reconnects", ConnectionRow::reconnectsProperty);
        TableColumn<ConnectionRow, Number> probes = column("probes", ConnectionRow::probesProperty);
        probes.setCellFactory(c -> new TextCell<>(n -> Formats.count(n.longValue())));
        TableColumn<ConnectionRow, Number> retrans = column("retrans", ConnectionRow::retransmitsProperty);
        retrans.setCellFactory(c -> new TextCell<>(n -> Formats.count(n.longValue())));
        TableColumn<ConnectionRow, Number> unacked = column("unacked", ConnectionRow::unackedProperty);
        unacked.setCellFactory(c -> new TextCell<>(n -> Formats.count(n.longValue())));
        TableColumn<ConnectionRow, DataCount> data = column("DATA sent / delivered / lost", ConnectionRow::dataProperty);
        data.setId("col-data");
        data.setCellFactory(c -> new TextCell<>(d -> d.sent() + " / " + d.delivered() + " / " + d.lost()));
        data.setComparator(java.util.Comparator.comparingLong(DataCount::lost).thenComparingLong(DataCount::sent));
        TableColumn<ConnectionRow, String> detection = column("last detection", ConnectionRow::lastDetectionProperty);
        detection.setComparator(NaturalOrder.INSTANCE);
        detection.setPrefWidth(290);
        TableColumn<ConnectionRow, ConnectionRow> params = column("params", ReadOnlyObjectWrapper::new);
        params.setId("params");
        params.setCellFactory(c -> new ParamsCell());
        params.setComparator(java.util.Comparator.comparing(ConnectionRow::paramsLabel));
        // What a teacher looks for first, the state and the last detection, comes before the counters.
        getColumns().setAll(List.of(lab, client, profile, state, detection, rtt, sent, acked, misses, reconnects, probes,
                retrans, unacked, data, params));
        for (TableColumn<ConnectionRow, ?> c : getColumns()) {
            c.setId(c.getId() == null ? "col-" + c.getText().replace(' ', '-') : c.getId());
            ColumnWidths.fitHeader(c);
        }
        model.visibleRows().addListener((ListChangeListener<ConnectionRow>) change -> fitNames(client, lab, change));

        getSelectionModel().getSelectedItems().addListener((ListChangeListener<ConnectionRow>) change ->
                model.select(getSelectionModel().getSelectedItems().stream()
                        .filter(java.util.Objects::nonNull).map(ConnectionRow::client).toList()));
    }

    /**
     * Widens the client and lab columns to the longest name and lab added, so that no two names
     * look the same and a lab's {@code host:port} shows whole.
     */
    private static void fitNames(TableColumn<ConnectionRow, String> client, TableColumn<ConnectionRow, String> lab,
            ListChangeListener.Change<? extends ConnectionRow> change) {
        double widestName = 0;
        double widestLab = 0;
        while (change.next()) {
            for (ConnectionRow r : change.getAddedSubList()) {
                widestName = Math.max(widestName, ColumnWidths.text(r.name()));
                widestLab = Math.max(widestLab, ColumnWidths.text(r.lab()));
            }
        }
        if (widestName + ColumnWidths.CELL_PADDING > client.getWidth()) {
            client.setPrefWidth(widestName + ColumnWidths.CELL_PADDING);
        }
        if (widestLab + ColumnWidths.CELL_PADDING > lab.getPrefWidth()) {
            lab.setPrefWidth(widestLab + ColumnWidths.CELL_PADDING);
        }
    }

    private static <T> TableColumn<ConnectionRow, T> column(String title,
            Function<ConnectionRow, ObservableValue<T>> value) {
        TableColumn<ConnectionRow, T> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> value.apply(f.getValue()));
        return c;
    }

    private static final class TextCell<T> extends TableCell<ConnectionRow, T> {
        private final Function<T, String> format;

        TextCell(Function<T, String> format) {
            this.format = format;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : format.apply(item));
        }
    }

    /** The state as a coloured badge: CSS class {@code badge} and {@code state-<label>}. */
    private static final class BadgeCell extends TableCell<ConnectionRow, StateBadge> {
        private final Label badge = new Label();

        BadgeCell() {
            badge.getStyleClass().add("badge");
            // A badge shows its whole word; the column is made wide enough for the longest.
            badge.setMinWidth(Region.USE_PREF_SIZE);
            setGraphic(null);
        }

        @Override
        protected void updateItem(StateBadge item, boolean empty) {
            super.updateItem(item, empty);
            badge.getStyleClass().removeIf(s -> s.startsWith("state-"));
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            badge.setText(item.label());
            badge.getStyleClass().add(item.styleClass());
            setGraphic(badge);
        }
    }

    /** The parameters' version; an outdated one is marked and explained. */
    private static final class ParamsCell extends TableCell<ConnectionRow, ConnectionRow> {
        private ConnectionRow shown;
        private final javafx.beans.InvalidationListener refresh = o -> show();

        @Override
        protected void updateItem(ConnectionRow item, boolean empty) {
            super.updateItem(item, empty);
            if (shown != null) {
                shown.paramsLabelProperty().removeListener(refresh);
                shown.paramsDifferencesProperty().removeListener(refresh);
            }
            shown = empty ? null : item;
            if (shown != null) {
                shown.paramsLabelProperty().addListener(refresh);
                shown.paramsDifferencesProperty().addListener(refresh);
            }
            show();
        }

        private void show() {
            getStyleClass().remove("params-outdated");
            if (shown == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(shown.paramsLabel());
            if (shown.paramsOutdated()) {
                getStyleClass().add("params-outdated");
                Tooltip tip = new Tooltip("runs older parameters than a new " + shown.profile() + " client gets: "
                        + shown.paramsDifferences());
                tip.setWrapText(true);
                tip.setMaxWidth(480);
                setTooltip(tip);
            } else {
                setTooltip(null);
            }
        }
    }
}
