package lab.heartbeat.lab;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import lab.heartbeat.telemetry.TelemetryMetrics;

/** A lab's Prometheus metrics (telemetry, faults, the JVM's) served over HTTP at /metrics. */
public final class LabMetrics implements AutoCloseable {
    private final HTTPServer server;

    private LabMetrics(HTTPServer server) {
        this.server = server;
    }

    /** The lab's metrics in a registry of their own, ready to be scraped. */
    public static PrometheusRegistry registry(Lab lab) {
        PrometheusRegistry registry = new PrometheusRegistry();
        TelemetryMetrics.register(lab.telemetry(), registry, lab.config().server() != null);
        CounterWithCallback.builder().name("heartbeat_lab_faults_total").help("Faults the lab made, by kind and backend.")
                .labelNames("kind", "backend")
                .callback(callback -> faultCounts(lab).forEach((kindAndBackend, count) ->
                        callback.call(count, kindAndBackend.split(" "))))
                .register(registry);
        JvmMetrics.builder().register(registry);
        return registry;
    }

    private static Map<String, Long> faultCounts(Lab lab) {
        return lab.faults().stream().collect(Collectors.groupingBy(
                f -> f.kind().label() + " " + f.backend(), TreeMap::new, Collectors.counting()));
    }

    /** Serves the lab's metrics at {@code http://ADDRESS:PORT/metrics}; port 0 picks a free one. */
    public static LabMetrics serve(Lab lab, InetSocketAddress address) throws IOException {
        return new LabMetrics(HTTPServer.builder().inetAddress(address.getAddress()).port(address.getPort())
                .registry(registry(lab)).buildAndStart());
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.close();
    }
}
