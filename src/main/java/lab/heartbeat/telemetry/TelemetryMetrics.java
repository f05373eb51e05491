package lab.heartbeat.telemetry;

import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** The lab's telemetry as Prometheus metrics (heartbeat_lab_*), aggregated by group and profile. */
public final class TelemetryMetrics {
    private TelemetryMetrics() {
    }

    /**
     * Adds the telemetry's metrics to a registry: the tracks' counters read at scrape time, and the
     * ends of connections counted from the event log from now on. DATA lost is only known where the
     * server that counts the clients' DATA runs in this process ({@code serverHere}); elsewhere every
     * frame of an ended connection would look lost, so the series is left out.
     */
    public static void register(Telemetry telemetry, PrometheusRegistry registry, boolean serverHere) {
        registry.register(new TrackMetrics(telemetry, serverHere));
        telemetry.events().subscribe(new EndMetrics(registry));
    }
}
