package lab.heartbeat.lab;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.fault.Latency;

/** A checked scenario, ready to run: the lab to build and the timeline's steps, in time order. */
public record ScenarioPlan(Path file, Scenario scenario, LabConfig config, List<PlannedStep> steps) {

    public Duration duration() {
        return scenario.duration();
    }

    public ScenarioPlan withConfig(LabConfig newConfig) {
        return new ScenarioPlan(file, scenario, newConfig, steps);
    }

    /** One timeline action with its arguments resolved; {@code profile} is set for add-clients. */
    public record PlannedStep(Duration at, ActionKind action, String target, int count, Duration down,
            Latency latency, Profile profile) {

        public String describe() {
            return switch (action) {
                case SERVER_RESTART -> "server-restart (down " + down.toMillis() + " ms)";
                case ADD_CLIENTS -> "add-clients " + count + " to " + target + " (" + profile.name() + ")";
                case SEND_DATA -> "send-data " + count + " frame(s) from " + target;
                case LATENCY -> "latency " + latency.delay().toMillis() + " ± " + latency.jitter().toMillis()
                        + " ms on " + target;
                default -> action.label() + " " + target;
            };
        }
    }
}
