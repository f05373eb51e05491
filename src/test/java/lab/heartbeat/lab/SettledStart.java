package lab.heartbeat.lab;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import lab.heartbeat.telemetry.EndpointView;
import lab.heartbeat.telemetry.TelemetrySnapshot;
import lab.heartbeat.testing.TeachingLab;

/**
 * A scenario's progress that holds the run until every client is up and its server end is named
 * and settled (the proxy backend connects onwards later), on top of the runner's own time 0.
 */
final class SettledStart implements ScenarioRunner.Progress {

    @Override
    public void started(Lab lab) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            TelemetrySnapshot s = lab.telemetry().snapshot();
            Set<String> named = s.serverConnections().stream().map(EndpointView::client).collect(Collectors.toSet());
            return TeachingLab.settled(lab, Duration.ofMillis(200))
                    && s.clients().stream().allMatch(c -> named.contains(c.client()));
        });
    }

    @Override
    public void step(ScenarioPlan.PlannedStep step, Duration elapsed) {
    }

    @Override
    public void waiting(Duration elapsed, Duration total) {
    }
}
