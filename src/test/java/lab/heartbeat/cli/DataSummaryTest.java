package lab.heartbeat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import lab.heartbeat.telemetry.ConnectionData;
import org.junit.jupiter.api.Test;

/** The run summary's DATA lines: totals, and who lost frames with a connection that ended. */
class DataSummaryTest {

    @Test
    void aLineCountsSentDeliveredLostAndNamesWhoLost() {
        List<ConnectionData> connections = List.of(
                new ConnectionData("app-heartbeat-1", "app-heartbeat-1:40001", 0, 900, 400, 200),
                new ConnectionData("os-keepalive-1", "os-keepalive-1:40002", 0, -1, 400, 400),
                new ConnectionData("app-heartbeat-1", "app-heartbeat-1:40003", 1_000, -1, 10, 4));

        assertThat(DataSummary.line("DATA on the connections it hit", connections)).isEqualTo(
                "  DATA on the connections it hit: 810 sent, 604 delivered, 200 lost (app-heartbeat-1 200)\n");
    }

    @Test
    void noDataNoLine() {
        assertThat(DataSummary.line("DATA over the run", List.of())).isEmpty();
        assertThat(DataSummary.line("DATA over the run",
                List.of(new ConnectionData("a-1", "a-1:1", 0, -1, 0, 0)))).isEmpty();
    }

    @Test
    void manyLosersAreCountedBeyondTheFirstEight() {
        List<ConnectionData> connections = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            connections.add(new ConnectionData("hb-" + i, "hb-" + i + ":1", 0, 5, 2, 1));
        }
        assertThat(DataSummary.line("DATA", connections)).endsWith("hb-7 1, hb-8 1 and 2 more clients)\n")
                .contains("20 sent, 10 delivered, 10 lost (hb-1 1, ");
    }
}
