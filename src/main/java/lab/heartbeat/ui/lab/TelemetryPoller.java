package lab.heartbeat.ui.lab;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import lab.heartbeat.telemetry.Detection;
import lab.heartbeat.telemetry.EventKind;
import lab.heartbeat.telemetry.LabEvent;
import lab.heartbeat.telemetry.TelemetrySnapshot;

/**
 * Reads the lab at a fixed rate on its own thread, so that the FX thread never waits on a lock an
 * event loop holds: it only takes the latest {@link DashboardFrame}. The chart feed is written
 * here too, off the FX thread, as ChartFX's data set locks require. The lab read can be switched
 * (to a scenario's lab and back); the switch happens between two polls, on this thread.
 *
 * <p>Each poll reads one snapshot and only what is new since the last poll: the events after the
 * last count seen, the detections and ends after the last index. The races are read again only
 * when something that changes them happened (a fault made or cleared, a detection, an end, a
 * reconnection) or the lab says they did ({@link LabGateway#raceVersion}: an attached lab's), at
 * most every {@value #RACE_EVERY} polls while such things keep coming.
 */
public final class TelemetryPoller implements AutoCloseable {
    /** While races keep changing (a thousand ends in a row), they are read at most this often, in polls. */
    public static final int RACE_EVERY = 3;
    /** Events that can change a race: its fault, its ends, the reconnections that say when a client was back. */
    private static final Set<EventKind> RACE_EVENTS = EnumSet.of(EventKind.FAULT_INJECTED, EventKind.FAULT_CLEARED,
            EventKind.DETECTED, EventKind.DISCONNECTED, EventKind.CONNECTED);

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
    private long eventsSeen;
    private int detectionsSeen;
    private int endsSeen;
    /** Whether the lab has made a fault: until then there is no race to read. */
    private boolean faultsMade;
    /** Something changed the races since they were last read. */
    private boolean racesStale = true;
    private int pollsSinceRaces = RACE_EVERY;
    private int raceReads;
    private boolean noRacesSent;
    private long raceVersionSeen;

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

    public void poll() {
        LabGateway next = pending.getAndSet(null);
        if (next != null && next != lab) {
            lab = next;
            eventsSeen = 0;
            detectionsSeen = 0;
            endsSeen = 0;
            faultsMade = false;
            noRacesSent = false;
            racesStale = true;
            pollsSinceRaces = RACE_EVERY;
            raceVersionSeen = 0;
            switchListener.accept(next);
        }
        TelemetrySnapshot snapshot = lab.snapshot();
        List<LabEvent> events = List.of();
        if (snapshot.eventCount() != eventsSeen) {
            LabGateway.Events batch = lab.eventsSince(eventsSeen);
            boolean lost = batch.lostAfter(eventsSeen);
            eventsSeen = batch.seen();
            events = batch.events();
            for (LabEvent e : events) {
                faultsMade |= e.kind() == EventKind.FAULT_INJECTED;
                racesStale |= RACE_EVENTS.contains(e.kind());
            }
            if (lost) {
                // A fault's event may be among the lost ones: ask the lab once.
                faultsMade |= !lab.faults().isEmpty();
                racesStale = true;
            }
        }
        List<Detection> detections = List.of();
        if (snapshot.detectionCount() > detectionsSeen) {
            detections = lab.detectionsSince(detectionsSeen);
            detectionsSeen += detections.size();
            racesStale |= !detections.isEmpty();
        }
        long raceVersion = lab.raceVersion();
        if (raceVersion != raceVersionSeen) {
            raceVersionSeen = raceVersion;
            faultsMade = true;
            racesStale = true;
        }
        List<Detection> ends = lab.endsSince(endsSeen);
        endsSeen += ends.size();
        racesStale |= !ends.isEmpty();
        List<RaceSnapshot> races = races();
        sampleListener.accept(snapshot);
        DashboardFrame frame = new DashboardFrame(snapshot, events, detections, lab, races);
        latest.accumulateAndGet(frame, (old, newer) -> old == null ? newer : old.then(newer));
    }

    /** Every race when something may have changed them, else null. */
    private List<RaceSnapshot> races() {
        pollsSinceRaces++;
        if (!racesStale || pollsSinceRaces < RACE_EVERY) {
            return null;
        }
        racesStale = false;
        pollsSinceRaces = 0;
        if (!faultsMade) {
            // No race yet: say so once, then nothing until a fault is made.
            boolean first = !noRacesSent;
            noRacesSent = true;
            return first ? List.of() : null;
        }
        raceReads++;
        return lab.raceSnapshots();
    }

    /** How often the races were read, for tests. */
    int raceReads() {
        return raceReads;
    }

    @Override
    public void close() throws InterruptedException {
        thread.shutdownNow();
        thread.awaitTermination(5, TimeUnit.SECONDS);
    }
}
