package lab.heartbeat.cli;

import java.util.function.Supplier;
import lab.heartbeat.detect.Preset;
import lab.heartbeat.detect.Presets;

/** Turns the engine's validation messages into bad-input errors that name the option. */
final class Options {
    private Options() {
    }

    static <T> T check(String option, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(option + ": " + e.getMessage());
        }
    }

    static Preset preset(String name) {
        return check("--preset", () -> Presets.byName(name));
    }
}
