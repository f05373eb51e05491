package lab.heartbeat.telemetry;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.function.Consumer;
import lab.heartbeat.detect.Cause;
import lab.heartbeat.detect.Side;

/**
 * The metrics of connections' ends, counted from the event log on its dispatch thread (never on an
 * event loop): detections by side and mechanism with their delay and their error against theory,
 * and every end by side and cause.
 */
final class EndMetrics implements Consumer<LabEvent> {
    private static final double[] DELAY_BOUNDS = {0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 15, 30, 60, 120, 300, 900};
    private static final double[] ERROR_BOUNDS = {-1, -0.5, -0.25, -0.1, -0.05, -0.025, -0.01, 0, 0.01, 0.025, 0.05,
        0.1, 0.25, 0.5, 1, 2.5, 5};

    private final Counter detections;
    private final Histogram delay;
    private final Histogram error;
    private final Counter ends;

    EndMetrics(PrometheusRegistry registry) {
        detections = Counter.builder().name("heartbeat_lab_detections_total")
                .help("Detections: one mechanism on one side deciding a connection is dead.")
                .labelNames("side", "mechanism").register(registry);
        delay = Histogram.builder().name("heartbeat_lab_detection_delay_seconds")
                .help("How long after its reference (a fault's t0, else the last frame) each detection came.")
                .labelNames("side", "mechanism").classicOnly().classicUpperBounds(DELAY_BOUNDS).register(registry);
        error = Histogram.builder().name("heartbeat_lab_detection_error_seconds")
                .help("Each detection's measured delay minus the one theory predicted.")
                .labelNames("side", "mechanism").classicOnly().classicUpperBounds(ERROR_BOUNDS).register(registry);
        ends = Counter.builder().name("heartbeat_lab_connection_ends_total")
                .help("Ends of connections by side and cause (a detection, a reset, a close).")
                .labelNames("side", "cause").register(registry);
        for (Side side : Side.values()) {
            for (Cause cause : Cause.values()) {
                ends.labelValues(side.label(), cause.label());
                if (cause.isDetection()) {
                    detections.labelValues(side.label(), cause.mechanism().label());
                }
            }
        }
    }

    @Override
    public void accept(LabEvent event) {
        if (event.side() == null || event.cause() == null) {
            return;
        }
        String side = event.side().label();
        switch (event.kind()) {
            case DETECTED -> {
                String mechanism = event.cause().mechanism().label();
                detections.labelValues(side, mechanism).inc();
                if (event.measuredMs() != null) {
                    delay.labelValues(side, mechanism).observe(event.measuredMs() / 1e3);
                    if (event.predictedMs() != null) {
                        error.labelValues(side, mechanism).observe((event.measuredMs() - event.predictedMs()) / 1e3);
                    }
                }
            }
            case DISCONNECTED -> ends.labelValues(side, event.cause().label()).inc();
            default -> {
            }
        }
    }
}
