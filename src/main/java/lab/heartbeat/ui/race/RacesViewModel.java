package lab.heartbeat.ui.race;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import lab.heartbeat.ui.lab.RaceSnapshot;

/**
 * The races' view model: the live lab's races, then those of finished scenario runs (kept when
 * the lab changes), and the one the race panel shows. It knows no node.
 */
public final class RacesViewModel {
    private final ObservableList<RaceSnapshot> races = FXCollections.observableArrayList();
    private final ObservableList<RaceSnapshot> racesView = FXCollections.unmodifiableObservableList(races);
    private final List<RaceSnapshot> archivedRaces = new ArrayList<>();
    private List<RaceSnapshot> labRaces = List.of();
    private final ReadOnlyObjectWrapper<RaceSnapshot> shownRace = new ReadOnlyObjectWrapper<>(this, "shownRace");
    private final ReadOnlyBooleanWrapper pinned = new ReadOnlyBooleanWrapper(this, "pinned");
    /** The race the user chose, or null to follow the latest. */
    private String chosenRace;

    /** The shown lab's races changed. */
    public void labRaces(List<RaceSnapshot> current) {
        labRaces = current;
        showRaces();
    }

    /** Keeps the races of a finished scenario run in the list and shows its latest one. */
    public void archiveRaces(List<RaceSnapshot> finished) {
        archivedRaces.addAll(finished);
        if (!finished.isEmpty()) {
            chosenRace = finished.get(finished.size() - 1).key();
        }
        showRaces();
    }

    /** Shows this race; choosing the latest one follows the latest from then on. */
    public void chooseRace(RaceSnapshot race) {
        chosenRace = race == null || races.indexOf(race) == races.size() - 1 ? null : race.key();
        showRaces();
    }

    private void showRaces() {
        List<RaceSnapshot> all = new ArrayList<>(archivedRaces);
        Set<String> archived = new HashSet<>();
        archivedRaces.forEach(r -> archived.add(r.key()));
        labRaces.stream().filter(r -> !archived.contains(r.key())).forEach(all::add);
        if (!all.equals(races)) {
            races.setAll(all);
        }
        RaceSnapshot shown = null;
        if (chosenRace != null) {
            shown = all.stream().filter(r -> r.key().equals(chosenRace)).findFirst().orElse(null);
        }
        if (shown == null && !all.isEmpty()) {
            shown = all.get(all.size() - 1);
        }
        if (!Objects.equals(shown, shownRace.get())) {
            shownRace.set(shown);
        }
        pinned.set(shown != null && shown.key().equals(chosenRace));
    }

    /** Follows the latest race again, whichever one was chosen. */
    public void followLatest() {
        chooseRace(null);
    }

    /** Every race: finished runs' first, then the shown lab's, oldest first. */
    public ObservableList<RaceSnapshot> races() {
        return racesView;
    }

    /** Whether the panel shows a race the user chose rather than the latest, which newer faults do not replace. */
    public ReadOnlyBooleanProperty pinnedProperty() {
        return pinned.getReadOnlyProperty();
    }

    /** The race the race panel shows: the latest, unless the user chose another. */
    public ReadOnlyObjectProperty<RaceSnapshot> shownRaceProperty() {
        return shownRace.getReadOnlyProperty();
    }
}
