package lab.heartbeat.telemetry;

import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** The lab's telemetry as Prometheus metrics (heartbeat_lab_*), aggregated by group and profile. */
public final class TelemetryMetrics {
    private TelemetryMetrics() {
    }

    /**
     * Adds the telemetry's metrics to a registry: the tracks' counters read at scrape time, and the
     * ends of connections counted from the event log from now on.
     */
    public static void register(Telemetry telemetry, PrometheusRegistry registry) {
        registry.register(new TrackMetrics(telemetry));
        telemetry.events().subscribe(new EndMetrics(registry));
    }
}
