package lab.heartbeat.detect;

import java.time.Duration;

/** Validation shared by the parameter records; every message starts with the field's name. */
final class Checks {

    private Checks() {
    }

    static Duration positive(String field, Duration d) {
        required(field, d);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(field + " must be positive: " + Durations.format(d));
        }
        return d;
    }

    static Duration notNegative(String field, Duration d) {
        required(field, d);
        if (d.isNegative()) {
            throw new IllegalArgumentException(field + " must not be negative: " + Durations.format(d));
        }
        return d;
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    static int atLeast(String field, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(field + " must be at least " + min + ": " + value);
        }
        return value;
    }
}
