package lab.heartbeat.telemetry;

import java.time.Instant;

/** The lab's clock origin: a monotonic start time and the wall time it corresponds to. */
public record TimeBase(long startNanos, Instant startWall) {

    /** Now, on Netty's system ticker, which every event loop of the lab uses too. */
    public static TimeBase now() {
        return new TimeBase(io.netty.util.concurrent.Ticker.systemTicker().nanoTime(), Instant.now());
    }

    public double msSinceStart(long nanos) {
        return (nanos - startNanos) / 1e6;
    }

    public Instant wallTime(long nanos) {
        return startWall.plusNanos(nanos - startNanos);
    }
}
