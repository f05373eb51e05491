package lab.heartbeat.telemetry;

import java.time.Duration;

/**
 * How much telemetry a lab keeps: the sampling interval and history length of the time series
 * (a zero history keeps none), the event window for readers, how many closed tracks are kept, and
 * whether the server's end of each connection gets a time series too (a report wants it; a
 * dashboard that plots clients can halve its memory without it).
 */
public record TelemetryConfig(Duration sampleInterval, Duration history, int eventWindow, int retiredTracks,
        boolean serverSeries) {

    public TelemetryConfig(Duration sampleInterval, Duration history, int eventWindow, int retiredTracks) {
        this(sampleInterval, history, eventWindow, retiredTracks, true);
    }

    public TelemetryConfig {
        if (sampleInterval == null || sampleInterval.isZero() || sampleInterval.isNegative()) {
            throw new IllegalArgumentException("sampleInterval must be positive: " + sampleInterval);
        }
        if (history == null || history.isNegative()) {
            throw new IllegalArgumentException("history must be zero or positive: " + history);
        }
        if (eventWindow < 1) {
            throw new IllegalArgumentException("eventWindow must be at least 1: " + eventWindow);
        }
        if (retiredTracks < 0) {
            throw new IllegalArgumentException("retiredTracks must be zero or more: " + retiredTracks);
        }
    }

    /** 10 Hz for 10 minutes, as the dashboard shows it. */
    public static TelemetryConfig defaults() {
        return new TelemetryConfig(Duration.ofMillis(100), Duration.ofMinutes(10), 10_000, 1_000);
    }

    /** Counters and events only, no time series: for headless agents holding many connections. */
    public static TelemetryConfig countersOnly() {
        return new TelemetryConfig(Duration.ofSeconds(1), Duration.ZERO, 10_000, 100);
    }

    public int historySamples() {
        return (int) Math.min(Integer.MAX_VALUE, history.toNanos() / sampleInterval.toNanos());
    }

    public TelemetryConfig withHistory(Duration newHistory) {
        return new TelemetryConfig(sampleInterval, newHistory, eventWindow, retiredTracks, serverSeries);
    }

    public TelemetryConfig withServerSeries(boolean keep) {
        return new TelemetryConfig(sampleInterval, history, eventWindow, retiredTracks, keep);
    }
}
