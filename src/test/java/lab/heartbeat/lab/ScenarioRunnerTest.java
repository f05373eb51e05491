package lab.heartbeat.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import lab.heartbeat.detect.Side;
import lab.heartbeat.lab.ScenarioPlan.PlannedStep;
import lab.heartbeat.telemetry.EventKind;
import lab.heartbeat.telemetry.LabEvent;
import lab.heartbeat.transport.ServerSettings;
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
                .hasSize(2).allSatisfy(c -> {
                    assertThat(c.state()).isEqualTo(ClientState.STOPPED);
                    assertThat(c.connections()).as("the connection it had before it stopped").isEqualTo(1);
                });
        assertThat(result.events()).filteredOn(e -> e.kind() == EventKind.RECONNECT_ATTEMPT).isEmpty();
    }

    @Test
    void theTimelineCountsFromTheMomentEveryClientIsUpAndNamedByTheServer() throws Exception {
        // Forty clients connect in a burst; a pull due at once used to find most of them not yet connected.
        ScenarioPlan plan = ScenarioReader.parse(Path.of("burst.yaml"), """
                duration: 1s
                faultBackend: proxy
                server: {port: 0, preset: teaching}
                clients:
                  - {name: many, count: 40, profile: app-heartbeat, preset: teaching}
                timeline:
                  - {at: 0s, do: cable-pull, target: all}
                """);

        RunResult result = ScenarioRunner.run(plan, TimeBase.now(), e -> { }, QUIET);

        long pulled = result.events().stream().filter(e -> e.kind() == EventKind.ACTION
                && String.valueOf(e.detail()).startsWith("cable-pull")).findFirst().orElseThrow().nanos();
        assertThat(result.events()).filteredOn(e -> e.kind() == EventKind.STATE_CHANGED && e.side() == Side.SERVER
                && "named by HELLO".equals(e.detail()) && e.nanos() <= pulled)
                .extracting(LabEvent::client).doesNotHaveDuplicates().hasSize(40);
        assertThat(result.events()).anySatisfy(e -> assertThat(e.detail())
                .isEqualTo("timeline starts: 40 client(s) up and named by the server"));
    }

    @Test
    void aRunWhoseClientsNeverComeUpStopsWithTheirNames() throws Exception {
        ScenarioPlan plan = ScenarioReader.parse(Path.of("full.yaml"), """
                duration: 5s
                faultBackend: none
                server: {port: 0, preset: teaching}
                clients:
                  - {name: first, count: 1, profile: app-heartbeat, preset: teaching}
                  - {name: turned-away, count: 1, profile: app-heartbeat, preset: teaching}
                """);
        ServerSettings s = plan.config().server();
        LabConfig c = plan.config();
        ScenarioPlan oneSeat = plan.withConfig(new LabConfig(new ServerSettings(s.bind(), s.port(), s.sweep(),
                s.keepalive(), s.maxFrameBytes(), s.kernelSampleInterval(), 1, s.idleLimit()), c.connect(), c.groups(),
                c.telemetry(), c.ioThreads(), c.kernelSampleInterval(), c.jitterSeed(), c.faultBackend(),
                c.allowHostFirewall()));

        assertThatThrownBy(() -> ScenarioRunner.run(oneSeat, TimeBase.now(), e -> { }, QUIET, Duration.ofSeconds(2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageMatching("1 of 2 client\\(s\\) did not connect to the server within 2 s, so the "
                        + "timeline never started: (first|turned-away)-1");
    }
}
