package lab.heartbeat.detect;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/** Exponential reconnect backoff with symmetric jitter, as an immutable policy; randomness is passed in. */
public record Backoff(Duration initial, double multiplier, double jitter, Duration max) {

    public Backoff {
        Checks.positive("backoff initial", initial);
        if (!(multiplier >= 1) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("backoff multiplier must be at least 1: " + multiplier);
        }
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("backoff jitter must be in [0, 1): " + jitter);
        }
        Checks.required("backoff max", max);
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff max must be at least backoff initial: "
                    + Durations.format(max) + " < " + Durations.format(initial));
        }
    }

    /** gRPC connection-backoff defaults: 1 s, x1.6, +-20 %, capped at 120 s. */
    public static Backoff grpc() {
        return new Backoff(Duration.ofSeconds(1), 1.6, 0.2, Duration.ofSeconds(120));
    }

    /**
     * The delay before reconnect attempt {@code attempt} (1 for the first), rounded to milliseconds.
     * Jitter is applied after the cap, as gRPC does, so a capped delay still spreads reconnects out.
     *
     * @param random yields r in [0, 1); r = 0.5 gives the delay without jitter
     */
    public Duration delay(int attempt, DoubleSupplier random) {
        Checks.atLeast("attempt", attempt, 1);
        double base = Math.min(millis(max), millis(initial) * Math.pow(multiplier, attempt - 1));
        double r = random.getAsDouble();
        return Duration.ofMillis(Math.round(base * (1 + jitter * (2 * r - 1))));
    }

    /**
     * How long a connection on which nothing arrived must stay up before it has proved itself and
     * the attempts start again: the cap. A server that lets connections live shorter than the
     * longest wait (one that accepts then closes, resets or never answers) sees the client back off
     * all the way, as gRPC resets only once a channel is ready, never on a bare TCP connect.
     */
    public Duration stablePeriod() {
        return max;
    }

    private static double millis(Duration d) {
        return d.getSeconds() * 1e3 + d.getNano() / 1e6;
    }
}
