package lab.heartbeat.cli;

import java.time.Duration;
import lab.heartbeat.detect.Durations;
import picocli.CommandLine.Option;

/** What every long-running headless command accepts: how long to run, and how to print events. */
final class HeadlessOptions {

    @Option(names = "--duration", converter = DurationConverter.class, paramLabel = "D",
            description = "Stop after this long (default: run until Ctrl-C).")
    Duration duration;

    @Option(names = "--json", description = "One JSON object per event and line.")
    boolean json;

    /** The run's length, refused when it is zero or negative (picocli reads a leading minus as a value). */
    Duration checkedDuration() {
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new BadInputException("--duration must be positive: " + Durations.format(duration));
        }
        return duration;
    }
}
