package lab.heartbeat.ui.race;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import lab.heartbeat.ui.lab.RaceSnapshot;
import org.junit.jupiter.api.Test;

class ExplanationsTest {

    private static RaceSnapshot race(String kind, String backend, RaceSnapshot.Entry... entries) {
        return new RaceSnapshot("live", 1, kind, backend, List.of("app-heartbeat-1"), 10, 20, List.of(entries),
                Map.of(), List.of(), List.of());
    }

    private static List<String> keys(RaceSnapshot race) {
        return Explanations.forRace(race).stream().map(Explanations.Paragraph::key).toList();
    }

    @Test
    void aDropTowardTheClientExplainsWhyTheClientFallsSilentToo() {
        RaceSnapshot.Entry sweep = new RaceSnapshot.Entry("app-heartbeat-1", "peer@1", "server", "server-sweep",
                "server-sweep", 2500, 2500, 2500, 2500, "server server-sweep");
        assertThat(keys(race("drop-to-client", "kernel", sweep))).contains("drop-to-client", "server-sweep");
        assertThat(keys(race("cable-pull", "kernel", sweep))).doesNotContain("drop-to-client");
    }

    @Test
    void theParagraphsFollowTheMechanismsInTheRace() {
        RaceSnapshot.Entry heartbeat = new RaceSnapshot.Entry("app-heartbeat-1", "app-heartbeat-1:1", "client",
                "app-heartbeat", "app-heartbeat", 1300, 1250, 1250, 1250, "client app-heartbeat");
        assertThat(keys(race("freeze-server", "in-process", heartbeat))).startsWith("app-heartbeat")
                .contains("frozen").doesNotContain("os-keepalive", "trap");
    }
}
