package lab.heartbeat.ui.connections;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import javafx.beans.Observable;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import lab.heartbeat.telemetry.EndpointView;
import lab.heartbeat.telemetry.TelemetrySnapshot;
import lab.heartbeat.ui.lab.CommandRunner;
import lab.heartbeat.ui.lab.RaceSnapshot;
import lab.heartbeat.ui.parameters.ParametersViewModel;

/**
 * The connections table's view model: one row per client, the filter, the selection, and adding
 * and removing clients. It knows no node.
 */
public final class ConnectionsViewModel {
    private final CommandRunner runner;
    private final ParametersViewModel parameters;
    /** A row whose state changes is re-checked by the filter (a filter on "down" picks up a client that goes down). */
    private final ObservableList<ConnectionRow> rows =
            FXCollections.observableArrayList(r -> new Observable[] {r.stateProperty()});
    private final Map<String, ConnectionRow> rowsByClient = new HashMap<>();
    private final FilteredList<ConnectionRow> visibleRows = new FilteredList<>(rows);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObservableList<String> selectedClients = FXCollections.observableArrayList();
    private final IntegerProperty addCount = new SimpleIntegerProperty(this, "addCount", 1);
    private final DetectionDelays delays = new DetectionDelays();
    private final javafx.beans.property.ReadOnlyBooleanWrapper severalLabs =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "severalLabs");
    private long tick;

    // Views handed out once: an unmodifiable wrapper only weakly listens to its list, so a listener
    // added to a fresh wrapper per call would vanish with the next garbage collection.
    private final ObservableList<ConnectionRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<ConnectionRow> visibleRowsView = FXCollections.unmodifiableObservableList(visibleRows);
    private final ObservableList<String> selectedClientsView = FXCollections.unmodifiableObservableList(selectedClients);

    /** @param parameters what new clients get, and which version each client runs */
    public ConnectionsViewModel(CommandRunner runner, ParametersViewModel parameters) {
        this.runner = runner;
        this.parameters = parameters;
        filter.addListener((obs, old, text) -> visibleRows.setPredicate(matching(text)));
    }

    /**
     * Applies one snapshot: rows updated in place, new clients appended, removed ones dropped.
     *
     * @param races the shown lab's races, or null when they did not change
     * @return how many clients are up
     */
    public int apply(TelemetrySnapshot snapshot, List<RaceSnapshot> races) {
        if (races != null) {
            delays.races(races);
        }
        List<ConnectionRow> added = new ArrayList<>();
        long now = ++tick;
        int up = 0;
        boolean attached = false;
        for (EndpointView v : snapshot.clients()) {
            ConnectionRow row = rowsByClient.get(v.client());
            if (row == null) {
                row = new ConnectionRow(v.client(), v.profile() == null ? "" : v.profile());
                rowsByClient.put(v.client(), row);
                added.add(row);
            }
            row.seenTick = now;
            attached |= !row.local();
            row.update(v, delays);
            row.params(v.profileSpec(), parameters.versions());
            if (row.state() == StateBadge.UP) {
                up++;
            }
        }
        if (rowsByClient.size() > snapshot.clients().size()) {
            rowsByClient.values().removeIf(r -> r.seenTick != now);
            rows.removeIf(r -> r.seenTick != now);
        }
        rows.addAll(added);
        severalLabs.set(attached);
        return up;
    }

    /** Another lab is shown: its rows start afresh, nothing selected. */
    public void clear() {
        rows.clear();
        rowsByClient.clear();
        selectedClients.clear();
        delays.races(List.of());
    }

    private static Predicate<ConnectionRow> matching(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String needle = text.trim().toLowerCase(Locale.ROOT);
        return r -> r.client().toLowerCase(Locale.ROOT).contains(needle)
                || r.profile().toLowerCase(Locale.ROOT).contains(needle)
                || r.state() != null && r.state().label().equals(needle);
    }

    /** Adds {@code addCount} clients of the chosen kind with the current version of its profile. */
    public void addClients() {
        ParametersViewModel.NewClients batch = parameters.newClients();
        int count = addCount.get();
        runner.run("could not add clients", on -> {
            List<String> names = on.addClients(batch.group(), count, batch.version().profile());
            return "added " + names.size() + " " + batch.version().profile().name() + " v" + batch.version().number()
                    + (names.isEmpty() ? "" : ": " + names.get(0) + (names.size() > 1 ? " …" : ""));
        });
    }

    /** Stops and removes the selected clients. */
    public void removeSelected() {
        List<String> names = List.copyOf(selectedClients);
        if (names.isEmpty()) {
            runner.show("select clients to remove");
            return;
        }
        runner.run("could not remove clients", on -> {
            on.removeClients(names);
            return "removed " + names.size() + " client" + (names.size() == 1 ? "" : "s");
        });
    }

    /** The selection the table reports; charts and faults follow it. */
    public void select(Collection<String> clients) {
        selectedClients.setAll(clients);
    }

    /** Every client's row, in the order they appeared. */
    public ObservableList<ConnectionRow> rows() {
        return rowsView;
    }

    /** The rows that match the filter. */
    public ObservableList<ConnectionRow> visibleRows() {
        return visibleRowsView;
    }

    public ConnectionRow row(String client) {
        return rowsByClient.get(client);
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObservableList<String> selectedClients() {
        return selectedClientsView;
    }

    /** Whether rows of attached labs show: the table then names each row's lab. */
    public javafx.beans.property.ReadOnlyBooleanProperty severalLabsProperty() {
        return severalLabs.getReadOnlyProperty();
    }

    public IntegerProperty addCountProperty() {
        return addCount;
    }
}
