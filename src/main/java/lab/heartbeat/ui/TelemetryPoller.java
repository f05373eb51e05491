package lab.heartbeat.ui;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import lab.heartbeat.telemetry.Detection;
import lab.heartbeat.telemetry.LabEvent;
import lab.heartbeat.telemetry.TelemetrySnapshot;

/**
 * Reads the lab at a fixed rate on its own thread, so that the FX thread never waits on a lock an
 * event loop holds: it only takes the latest {@link DashboardFrame}. The chart feed is written
 * here too, off the FX thread, as ChartFX's data set locks require.
 */
public final class TelemetryPoller implements AutoCloseable {
    private final LabGateway lab;
    private final Consumer<TelemetrySnapshot> sampleListener;
    private final AtomicReference<DashboardFrame> latest = new AtomicReference<>();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dashboard-poller");
        t.setDaemon(true);
        return t;
    });
    private long eventsSeen = -1;
    private int detectionsSeen;

    /** {@code sampleListener} runs on the poller thread after every snapshot. */
    public TelemetryPoller(LabGateway lab, Consumer<TelemetrySnapshot> sampleListener) {
        this.lab = lab;
        this.sampleListener = sampleListener;
    }

    public void start(Duration period) {
        long nanos = period.toNanos();
        thread.scheduleAtFixedRate(this::pollSafely, 0, nanos, TimeUnit.NANOSECONDS);
    }

    /** The frame read since the last call, or null; never blocks. */
    public DashboardFrame take() {
        return latest.getAndSet(null);
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            // A failed read (the lab closing) must not cancel the schedule.
            System.getLogger(TelemetryPoller.class.getName()).log(System.Logger.Level.DEBUG, "poll failed", e);
        }
    }

    void poll() {
        TelemetrySnapshot snapshot = lab.snapshot();
        List<LabEvent> events = null;
        if (snapshot.eventCount() != eventsSeen) {
            events = lab.recentEvents();
            eventsSeen = snapshot.eventCount();
        }
        List<Detection> detections = List.of();
        if (snapshot.detectionCount() > detectionsSeen) {
            detections = lab.detectionsFrom(detectionsSeen);
            detectionsSeen += detections.size();
        }
        sampleListener.accept(snapshot);
        DashboardFrame frame = new DashboardFrame(snapshot, events, detections);
        latest.accumulateAndGet(frame, (old, next) -> old == null ? next : old.then(next));
    }

    @Override
    public void close() throws InterruptedException {
        thread.shutdownNow();
        thread.awaitTermination(5, TimeUnit.SECONDS);
    }
}
