package lab.heartbeat.ui.race;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import lab.heartbeat.ui.lab.RaceSnapshot;
import org.junit.jupiter.api.Test;

/** The race panel follows the latest fault unless the user pins one, and says which. */
class RacePinTest {

    private static RaceSnapshot race(int id) {
        return new RaceSnapshot(RaceSnapshot.LIVE, id, "cable-pull", "proxy", List.of("a-1"), id, Double.NaN,
                List.of(), Map.of(), List.of(), List.of());
    }

    @Test
    void aChosenOlderRaceIsPinnedUntilTheUserFollowsTheLatestAgain() {
        RacesViewModel races = new RacesViewModel();
        races.labRaces(List.of(race(1), race(2)));
        assertThat(races.pinnedProperty().get()).isFalse();

        races.chooseRace(races.races().get(0));
        races.labRaces(List.of(race(1), race(2), race(3)));
        assertThat(races.shownRaceProperty().get().id()).isEqualTo(1);
        assertThat(races.pinnedProperty().get()).isTrue();

        races.followLatest();
        assertThat(races.pinnedProperty().get()).isFalse();
        races.labRaces(List.of(race(1), race(2), race(3), race(4)));
        assertThat(races.shownRaceProperty().get().id()).isEqualTo(4);
    }

    @Test
    void choosingTheLatestIsFollowingIt() {
        RacesViewModel races = new RacesViewModel();
        races.labRaces(List.of(race(1), race(2)));
        races.chooseRace(races.races().get(1));
        assertThat(races.pinnedProperty().get()).isFalse();
    }
}
