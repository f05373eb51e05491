package lab.heartbeat.detect;

import java.time.Duration;

/** The server's idle sweep: every {@code interval}, a connection silent for {@code misses} sweeps is closed. */
public record SweepParams(Duration interval, int misses) {

    public SweepParams {
        Checks.positive("sweep interval", interval);
        Checks.atLeast("sweep misses", misses, 1);
    }
}
