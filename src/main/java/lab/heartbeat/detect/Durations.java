package lab.heartbeat.detect;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and prints durations the way the lab's users write them: {@code 500ms}, {@code 3s}, {@code 2m}, {@code 1h}. */
public final class Durations {

    private static final Pattern SYNTAX = Pattern.compile("(-?\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");
    private static final long NANOS_PER_MILLI = 1_000_000L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_MINUTE = 60 * NANOS_PER_SECOND;
    private static final long NANOS_PER_HOUR = 60 * NANOS_PER_MINUTE;

    private Durations() {
    }

    /** A leading minus is accepted so that validation, not parsing, can say which field must be positive. */
    public static Duration parse(String text) {
        Matcher m = text == null ? null : SYNTAX.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("bad duration '" + text
                    + "': expected a number followed by ms, s, m or h (e.g. 500ms, 3s, 2m)");
        }
        BigDecimal nanos = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(nanosPer(m.group(2))));
        try {
            return Duration.ofNanos(nanos.setScale(0, RoundingMode.HALF_UP).longValueExact());
        } catch (ArithmeticException tooLong) {
            throw new IllegalArgumentException("bad duration '" + text + "': too long", tooLong);
        }
    }

    /** The shortest exact form in the largest whole unit, so that {@code parse(format(d))} gives back {@code d}. */
    public static String format(Duration d) {
        // BigDecimal, because Duration.toNanos() overflows beyond 292 years.
        BigDecimal nanos = BigDecimal.valueOf(d.getSeconds()).movePointRight(9).add(BigDecimal.valueOf(d.getNano()));
        if (nanos.signum() == 0) {
            return "0s";
        }
        for (long unit : new long[] {NANOS_PER_HOUR, NANOS_PER_MINUTE, NANOS_PER_SECOND}) {
            BigDecimal[] quotient = nanos.divideAndRemainder(BigDecimal.valueOf(unit));
            if (quotient[1].signum() == 0) {
                return quotient[0].toPlainString() + suffix(unit);
            }
        }
        return nanos.movePointLeft(6).stripTrailingZeros().toPlainString() + "ms";
    }

    private static String suffix(long unit) {
        return unit == NANOS_PER_HOUR ? "h" : unit == NANOS_PER_MINUTE ? "m" : "s";
    }

    private static long nanosPer(String unit) {
        return switch (unit) {
            case "ms" -> NANOS_PER_MILLI;
            case "s" -> NANOS_PER_SECOND;
            case "m" -> NANOS_PER_MINUTE;
            default -> NANOS_PER_HOUR;
        };
    }
}
