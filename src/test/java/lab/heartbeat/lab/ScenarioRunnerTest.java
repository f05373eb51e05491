package lab.heartbeat.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import lab.heartbeat.lab.ScenarioPlan.PlannedStep;
import lab.heartbeat.telemetry.EventKind;
import lab.heartbeat.telemetry.TimeBase;
import lab.heartbeat.transport.ClientState;
import org.junit.jupiter.api.Test;

/** Timeline actions do what their names say. */
class ScenarioRunnerTest {
    private static final ScenarioRunner.Progress QUIET = new ScenarioRunner.Progress() {
        @Override
        public void started(Lab lab) {
        }

        @Override
        public void step(PlannedStep step, Duration elapsed) {
        }

        @Override
        public void waiting(Duration elapsed, Duration total) {
        }
    };

    @Test
    void closeStopsTheGroupsClientsForGood() throws Exception {
        ScenarioPlan plan = ScenarioReader.parse(Path.of("close.yaml"), """
                duration: 5s
                faultBackend: none
                server: {port: 0, preset: teaching}
                clients:
                  - {name: closed, count: 2, profile: app-heartbeat, preset: teaching, parameters: {backoffInitial: 200ms}}
                  - {name: kept, count: 1, profile: app-heartbeat, preset: teaching}
                timeline:
                  - {at: 3s, do: close, target: closed}
                """);

        RunResult result = ScenarioRunner.run(plan, TimeBase.now(), e -> { }, QUIET);

        assertThat(result.finalSnapshot().clients()).filteredOn(c -> c.client().startsWith("closed-"))
                .hasSize(2).allSatisfy(c -> assertThat(c.state()).isEqualTo(ClientState.STOPPED));
        assertThat(result.events()).filteredOn(e -> e.kind() == EventKind.RECONNECT_ATTEMPT).isEmpty();
    }
}
