package lab.heartbeat.detect;

import java.time.Duration;

/** The server's idle sweep: every {@code interval}, a connection silent for {@code misses} sweeps is closed. */
public record SweepParams(Duration interval, int misses) {

    /** Where a partial override starts when there is no sweep to override: the teaching preset's 1 s x 3. */
    public static final SweepParams FALLBACK = new SweepParams(Duration.ofSeconds(1), 3);

    public SweepParams {
        Checks.positive("sweep interval", interval);
        Checks.atLeast("sweep misses", misses, 1);
    }

    /**
     * {@code base} with the parts given replaced (a null part keeps base's); a null base starts
     * from {@link #FALLBACK}. The one rule for scenarios, the server command and the dashboard.
     */
    public static SweepParams over(SweepParams base, Duration interval, Integer misses) {
        SweepParams from = base == null ? FALLBACK : base;
        return new SweepParams(interval != null ? interval : from.interval(), misses != null ? misses : from.misses());
    }
}
