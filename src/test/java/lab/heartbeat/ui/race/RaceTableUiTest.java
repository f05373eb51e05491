package lab.heartbeat.ui.race;

import static lab.heartbeat.ui.race.TimelineLabelsUiTest.cablePull;
import static lab.heartbeat.ui.race.TimelineLabelsUiTest.fx;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import lab.heartbeat.ui.common.Theme;
import lab.heartbeat.ui.lab.RaceSnapshot;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The table of a race's ends shows whole words, in a narrow panel too: it scrolls rather than cuts. */
class RaceTableUiTest {

    @Test
    void aNarrowTableShowsEveryHeaderAndCellWhole() throws Exception {
        FxToolkit.registerPrimaryStage();
        for (double width : new double[] {360, 460, 540, 640}) {
            assertWhole(width);
        }
    }

    private static void assertWhole(double width) throws Exception {
        TableView<RaceSnapshot.Entry> table = fx(RaceTable::make);
        Stage stage = fx(() -> {
            Stage s = new Stage();
            Scene scene = new Scene(table, width, 400);
            scene.getStylesheets().add(Theme.LIGHT.stylesheet());
            s.setScene(scene);
            s.show();
            RaceTable.show(table, cablePull());
            return s;
        });
        try {
            WaitForAsyncUtils.waitForFxEvents();
            List<String> shown = fx(() -> table.lookupAll(".text").stream()
                    .filter(Text.class::isInstance).map(n -> ((Text) n).getText()).filter(t -> !t.isEmpty()).toList());
            assertThat(shown).contains("connection", "side", "server", "app-heartbeat-1:1", "server-sweep");
            assertThat(shown).as("at %.0f px", width).noneMatch(t -> t.contains("…") || t.endsWith("..."));
        } finally {
            fx(() -> {
                stage.close();
                return null;
            });
        }
    }
}
