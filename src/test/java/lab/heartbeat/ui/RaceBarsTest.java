package lab.heartbeat.ui;

import lab.heartbeat.ui.lab.RaceView;
import lab.heartbeat.ui.race.RacePanel;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The race chart's bars, without a toolkit: one per end, or one per kind of end for a large race. */
class RaceBarsTest {

    @Test
    void aSmallRaceHasABarPerEnd() {
        List<RaceView.Entry> entries = List.of(entry("hb-1", "client", "app-heartbeat", 1500, 1500),
                entry("ka-1", "client", "os-keepalive", 5100, 5000));
        assertThat(RacePanel.bars(entries)).extracting(RacePanel.Bar::name)
                .containsExactly("client app-heartbeat · hb-1", "client os-keepalive · ka-1");
    }

    @Test
    void aLargeRaceHasABarPerKindOfEndWithTheMedianDelays() {
        List<RaceView.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            entries.add(entry("c-" + i, "client", "app-heartbeat", 1000 + i, 1500));
        }
        for (int i = 0; i < 998; i++) {
            entries.add(entry("c-" + i, "server", "server-sweep", 3000, Double.NaN));
        }
        assertThat(RacePanel.bars(entries)).containsExactly(
                new RacePanel.Bar("client app-heartbeat ×1000", 1500, 1500),
                new RacePanel.Bar("server server-sweep ×998", 3000, Double.NaN));
    }

    @Test
    void theSummaryNamesAFewTargetsOfALargeFault() {
        List<String> targets = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            targets.add("c-" + i);
        }
        assertThat(RacePanel.targets(targets)).isEqualTo("c-1, c-2, c-3, c-4, c-5, c-6 and 994 more");
        assertThat(RacePanel.targets(targets.subList(0, 7))).isEqualTo("c-1, c-2, c-3, c-4, c-5, c-6, c-7");
    }

    private static RaceView.Entry entry(String client, String side, String cause, double measured, double predicted) {
        return new RaceView.Entry(client, client + ":1", side, cause, cause, measured, predicted);
    }
}
