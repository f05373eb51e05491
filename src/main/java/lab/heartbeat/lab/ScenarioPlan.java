package lab.heartbeat.lab;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import lab.heartbeat.detect.Profile;

/** A checked scenario, ready to run: the lab to build and the timeline's steps, in time order. */
public record ScenarioPlan(Path file, Scenario scenario, LabConfig config, List<PlannedStep> steps) {

    public Duration duration() {
        return scenario.duration();
    }

    /** One timeline action with its arguments resolved; {@code profile} is set for add-clients. */
    public record PlannedStep(Duration at, ActionKind action, String target, int count, Duration down,
            Profile profile) {

        public String describe() {
            return switch (action) {
                case SERVER_RESTART -> "server-restart (down " + down.toMillis() + " ms)";
                case ADD_CLIENTS -> "add-clients " + count + " to " + target + " (" + profile.name() + ")";
                case REMOVE_CLIENTS -> "remove-clients " + target;
                case CLOSE -> "close " + target;
            };
        }
    }
}
