package lab.heartbeat.detect;

import java.time.Duration;

/** OS TCP keepalive: Linux {@code TCP_KEEPIDLE}, {@code TCP_KEEPINTVL} and {@code TCP_KEEPCNT}. */
public record KeepaliveParams(Duration idle, Duration interval, int count) {

    /** Linux stores idle and interval as whole seconds in a 15-bit field (MAX_TCP_KEEPIDLE, MAX_TCP_KEEPINTVL). */
    private static final long MAX_SECONDS = 32767;
    /** MAX_TCP_KEEPCNT in the Linux kernel. */
    private static final int MAX_COUNT = 127;

    public KeepaliveParams {
        wholeSeconds("keepalive idle", idle);
        wholeSeconds("keepalive interval", interval);
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("keepalive count must be between 1 and " + MAX_COUNT + ": " + count);
        }
    }

    public static KeepaliveParams ofSeconds(int idleSeconds, int intervalSeconds, int count) {
        return new KeepaliveParams(Duration.ofSeconds(idleSeconds), Duration.ofSeconds(intervalSeconds), count);
    }

    /** What {@code SO_KEEPALIVE} alone gives on Linux: 7200 s idle, 75 s interval, 9 probes. */
    public static KeepaliveParams linuxDefaults() {
        return ofSeconds(7200, 75, 9);
    }

    /**
     * These settings over a base, or over {@link #linuxDefaults()} when there is none (switching keepalive on
     * starts from what {@code SO_KEEPALIVE} alone gives): each value given replaces its own.
     */
    public static KeepaliveParams over(KeepaliveParams base, Duration idle, Duration interval, Integer count) {
        KeepaliveParams from = base == null ? linuxDefaults() : base;
        return new KeepaliveParams(idle != null ? idle : from.idle(), interval != null ? interval : from.interval(),
                count != null ? count : from.count());
    }

    /** The kernel aborts when the count-th unanswered probe's interval has passed. */
    public Duration detectionAfterIdle() {
        return idle.plus(interval.multipliedBy(count));
    }

    public int idleSeconds() {
        return (int) idle.toSeconds();
    }

    public int intervalSeconds() {
        return (int) interval.toSeconds();
    }

    private static void wholeSeconds(String field, Duration d) {
        Checks.required(field, d);
        if (d.getNano() != 0) {
            throw new IllegalArgumentException(field + " must be whole seconds: " + Durations.format(d));
        }
        if (d.toSeconds() < 1 || d.toSeconds() > MAX_SECONDS) {
            throw new IllegalArgumentException(field + " must be between 1s and " + MAX_SECONDS + "s: "
                    + Durations.format(d));
        }
    }
}
