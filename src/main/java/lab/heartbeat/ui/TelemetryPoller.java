package lab.heartbeat.ui;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import lab.heartbeat.lab.FaultRecord;
import lab.heartbeat.telemetry.Detection;
import lab.heartbeat.telemetry.LabEvent;
import lab.heartbeat.telemetry.TelemetrySnapshot;

/**
 * Reads the lab at a fixed rate on its own thread, so that the FX thread never waits on a lock an
 * event loop holds: it only takes the latest {@link DashboardFrame}. The chart feed is written
 * here too, off the FX thread, as ChartFX's data set locks require. The lab read can be switched
 * (to a scenario's lab and back); the switch happens between two polls, on this thread.
 */
public final class TelemetryPoller implements AutoCloseable {
    /** Races are read again at least this often (in polls) while faults exist: ends that are no detection. */
    private static final int RACE_REFRESH = 10;

    private LabGateway lab;
    private final AtomicReference<LabGateway> pending = new AtomicReference<>();
    private final Consumer<TelemetrySnapshot> sampleListener;
    private final Consumer<LabGateway> switchListener;
    private final AtomicReference<DashboardFrame> latest = new AtomicReference<>();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dashboard-poller");
        t.setDaemon(true);
        return t;
    });
    private long eventsSeen = -1;
    private int detectionsSeen;
    private List<Object> raceKey;
    private int pollsSinceRaces;

    /** {@code sampleListener} runs on the poller thread after every snapshot. */
    public TelemetryPoller(LabGateway lab, Consumer<TelemetrySnapshot> sampleListener) {
        this(lab, sampleListener, next -> { });
    }

    /** {@code switchListener} runs on the poller thread when it starts reading another lab. */
    public TelemetryPoller(LabGateway lab, Consumer<TelemetrySnapshot> sampleListener,
            Consumer<LabGateway> switchListener) {
        this.lab = lab;
        this.sampleListener = sampleListener;
        this.switchListener = switchListener;
    }

    public void start(Duration period) {
        long nanos = period.toNanos();
        thread.scheduleAtFixedRate(this::pollSafely, 0, nanos, TimeUnit.NANOSECONDS);
    }

    /** Reads {@code next} from the next poll on; returns at once, from any thread. */
    public void switchTo(LabGateway next) {
        pending.set(next);
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
        LabGateway next = pending.getAndSet(null);
        if (next != null && next != lab) {
            lab = next;
            eventsSeen = -1;
            detectionsSeen = 0;
            raceKey = null;
            switchListener.accept(next);
        }
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
        List<RaceView> races = races(snapshot);
        sampleListener.accept(snapshot);
        DashboardFrame frame = new DashboardFrame(snapshot, events, detections, lab, races);
        latest.accumulateAndGet(frame, (old, newer) -> old == null ? newer : old.then(newer));
    }

    /** Every race when something may have changed them, else null. */
    private List<RaceView> races(TelemetrySnapshot snapshot) {
        List<FaultRecord> faults = lab.faults();
        if (faults.isEmpty()) {
            if (raceKey != null && raceKey.isEmpty()) {
                return null;
            }
            raceKey = List.of();
            return List.of();
        }
        long active = faults.stream().filter(FaultRecord::active).count();
        List<Object> key = List.of(faults.size(), active, snapshot.detectionCount());
        if (key.equals(raceKey) && ++pollsSinceRaces < RACE_REFRESH) {
            return null;
        }
        raceKey = key;
        pollsSinceRaces = 0;
        String source = lab.name();
        long start = lab.startNanos();
        return lab.races().stream().map(r -> RaceView.of(source, r, start)).toList();
    }

    @Override
    public void close() throws InterruptedException {
        thread.shutdownNow();
        thread.awaitTermination(5, TimeUnit.SECONDS);
    }
}
