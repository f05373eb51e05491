package lab.heartbeat.fault;

import java.time.Duration;
import java.util.function.DoubleSupplier;
import lab.heartbeat.detect.Durations;

/** Added one-way delay with uniform jitter: each packet waits delay ± jitter. */
public record Latency(Duration delay, Duration jitter) {

    public static final Latency NONE = new Latency(Duration.ZERO, Duration.ZERO);

    public Latency {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("latency delay must be zero or positive: " + shown(delay));
        }
        if (jitter == null || jitter.isNegative() || jitter.compareTo(delay) > 0) {
            throw new IllegalArgumentException("latency jitter must be between 0 and the delay: " + shown(jitter));
        }
    }

    private static String shown(Duration d) {
        return d == null ? "missing" : Durations.format(d);
    }

    /** One packet's delay in nanoseconds, with {@code random} in [0, 1). */
    public long sampleNanos(DoubleSupplier random) {
        return delay.toNanos() + Math.round(jitter.toNanos() * (2 * random.getAsDouble() - 1));
    }
}
