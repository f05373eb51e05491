package lab.heartbeat.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import lab.heartbeat.telemetry.ConnectionData;
import lab.heartbeat.telemetry.DataCount;
import lab.heartbeat.telemetry.EventKind;
import lab.heartbeat.telemetry.TimeBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scenario's send-data step: every frame is counted, and a frame that cannot be sent is said to be. */
class ScenarioDataTest {

    @TempDir
    Path dir;

    private RunResult run(String timeline) throws Exception {
        Path scenario = dir.resolve("data.yaml");
        Files.writeString(scenario, """
                name: data
                duration: 1500ms
                server: {port: 0, preset: teaching}
                clients:
                  - {name: hb, count: 2, profile: app-heartbeat, preset: teaching}
                timeline:
                """ + timeline);
        return ScenarioRunner.run(ScenarioReader.read(scenario), TimeBase.now(), e -> { }, new SettledStart());
    }

    @Test
    void dataSentOnLiveConnectionsIsDeliveredAndCountedPerClient() throws Exception {
        RunResult r = run("  - {at: 200ms, do: send-data, target: all, count: 7}\n");

        assertThat(r.data()).extracting(ConnectionData::client).containsExactlyInAnyOrder("hb-1", "hb-2");
        assertThat(DataCount.of(r.dataOf("hb-1"))).isEqualTo(new DataCount(7, 7, 0));
        assertThat(Report.of(r).data()).isEqualTo(new Report.Data(14, 14, 0));
        assertThat(r.events()).noneMatch(e -> e.detail() != null && e.detail().contains("not sent"));
    }

    @Test
    void framesAFrozenClientCannotSendAreReportedNotSent() throws Exception {
        RunResult r = run("""
                  - {at: 100ms, do: freeze-client, target: hb-1}
                  - {at: 200ms, do: send-data, target: all, count: 4}
                """);

        assertThat(r.events()).filteredOn(e -> e.kind() == EventKind.ACTION && "hb-1".equals(e.client()))
                .extracting(e -> e.detail())
                .contains("send-data: 4 of 4 frame(s) not sent (no live connection, or the client is frozen)");
        assertThat(DataCount.of(r.dataOf("hb-1"))).isEqualTo(DataCount.NONE);
        assertThat(DataCount.of(r.dataOf("hb-2"))).isEqualTo(new DataCount(4, 4, 0));
    }
}
