package lab.heartbeat.ui.race;

import static lab.heartbeat.ui.race.TimelineLabelsUiTest.fx;
import static lab.heartbeat.ui.race.TimelineLanesTest.end;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Parent;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import lab.heartbeat.ui.common.Theme;
import lab.heartbeat.ui.lab.RaceSnapshot;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The exported picture of a race shows its table whole, for 8 ends as for 400: nothing to scroll. */
class RacePictureUiTest {

    @Test
    void thePictureOfALargeRaceWithKernelWindowsShowsItsTableWhole() throws Exception {
        FxToolkit.registerPrimaryStage();
        for (int clients : new int[] {4, 200}) {
            List<RaceSnapshot.Entry> entries = new ArrayList<>();
            for (int i = 1; i <= clients; i++) {
                entries.add(end("os-keepalive-with-a-long-name-" + i, "client", "os-keepalive", 3305 + i, 3200,
                        3281, 3300));
                entries.add(end("os-keepalive-with-a-long-name-" + i, "server", "reset", 3306 + i, Double.NaN,
                        Double.NaN, Double.NaN));
            }
            RaceSnapshot race = new RaceSnapshot(RaceSnapshot.LIVE, 1, "cable-pull", "kernel",
                    entries.stream().map(RaceSnapshot.Entry::client).distinct().toList(), 2, 9, entries, Map.of(),
                    List.of(), List.of());
            List<String> bars = fx(() -> {
                Parent picture = RacePicture.of(race, List.of(Theme.LIGHT.stylesheet()));
                TableView<?> table = (TableView<?>) picture.lookup("#race-table");
                double columns = table.getColumns().stream().mapToDouble(TableColumn::getWidth).sum();
                List<String> short_ = new ArrayList<>();
                if (table.getWidth() < columns + table.snappedLeftInset() + table.snappedRightInset()) {
                    short_.add("sideways: " + table.getWidth() + " px for " + columns + " px of columns");
                }
                if (table.getHeight() < RaceTable.ROW_PX * entries.size()) {
                    short_.add("down: " + table.getHeight() + " px for " + entries.size() + " rows");
                }
                return short_;
            });
            assertThat(bars).as("%d clients", clients).isEmpty();
        }
    }
}
