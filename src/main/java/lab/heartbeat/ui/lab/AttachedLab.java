package lab.heartbeat.ui.lab;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.LongSupplier;
import lab.heartbeat.control.EventFollower;
import lab.heartbeat.control.FaultJson;
import lab.heartbeat.control.LabJson;
import lab.heartbeat.control.RemoteLab;
import lab.heartbeat.control.RemoteLabException;
import lab.heartbeat.fault.FaultException;
import lab.heartbeat.fault.FaultKind;
import lab.heartbeat.fault.Latency;
import lab.heartbeat.lab.EventJson;
import lab.heartbeat.telemetry.Detection;
import lab.heartbeat.telemetry.EndpointView;
import lab.heartbeat.telemetry.EventKind;
import lab.heartbeat.telemetry.LabEvent;
import lab.heartbeat.telemetry.SeriesView;

/**
 * Another lab process attached to the dashboard through its control API: its clients read
 * {@value #READS_PER_SECOND} times a second (so that a selected one charts like a local one), its
 * events followed, its races read again when its events say they changed. All of it on threads of
 * its own, never the poller's or the FX thread's; close() ends them.
 */
public final class AttachedLab implements AutoCloseable {
    static final int READS_PER_SECOND = 2;
    private static final int EVENT_BACKLOG = 10_000;
    private static final Set<EventKind> RACE_EVENTS = EnumSet.of(EventKind.FAULT_INJECTED, EventKind.FAULT_CLEARED,
            EventKind.DETECTED, EventKind.DISCONNECTED, EventKind.CONNECTED);

    private final RemoteLab remote;
    private final RemoteReadings readings;
    private final LongSupplier clock;
    private final BlockingQueue<LabEvent> events = new ArrayBlockingQueue<>(EVENT_BACKLOG);
    private final BlockingQueue<Detection> detections = new ArrayBlockingQueue<>(EVENT_BACKLOG);
    /** Each client's last detection on its side, by the dashboard's name of the client. */
    private final Map<String, Detection> lastDetections = new ConcurrentHashMap<>();
    private final AtomicBoolean racesStale = new AtomicBoolean(true);
    private final AtomicLong raceVersion = new AtomicLong();
    private final ScheduledExecutorService reader;
    private final RemoteSeries series = new RemoteSeries();
    private volatile List<EndpointView> clients = List.of();
    private volatile List<RaceSnapshot> races = List.of();
    private volatile String problem;
    private EventFollower follower;

    private AttachedLab(RemoteLab remote, RemoteReadings readings, LongSupplier clock) {
        this.remote = remote;
        this.readings = readings;
        this.clock = clock;
        reader = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "attached-" + remote.address());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Attaches the lab whose control API answers at {@code address} ({@code host:port});
     * {@code originNanos} is the dashboard's time zero on {@code clock}, the dashboard's clock.
     */
    public static AttachedLab attach(String address, String token, long originNanos, LongSupplier clock)
            throws RemoteLabException, InterruptedException {
        RemoteLab remote = RemoteLab.connect(address, token);
        AttachedLab lab = null;
        try {
            long before = clock.getAsLong();
            LabJson now = remote.readLab();
            long after = clock.getAsLong();
            // The lab's start on our clock: its uptime before the middle of the round trip.
            long start = before + (after - before) / 2 - Math.round(now.uptimeMs() * 1e6);
            lab = new AttachedLab(remote, new RemoteReadings(address, start, originNanos), clock);
            lab.follower = remote.follow(lab::received);
            lab.read();
            lab.reader.scheduleWithFixedDelay(lab::readSafely, 1000 / READS_PER_SECOND, 1000 / READS_PER_SECOND,
                    TimeUnit.MILLISECONDS);
            return lab;
        } catch (RemoteLabException | RuntimeException e) {
            if (lab != null) {
                lab.close();
            } else {
                remote.close();
            }
            throw e;
        }
    }

    /** {@code host:port}: the lab column's word for this lab. */
    public String name() {
        return remote.address();
    }

    /** The fault backend the lab said it has. */
    public String faultBackend() {
        return remote.lab().faultBackend();
    }

    /** Why the last read failed (the lab gone), or null while it answers. */
    public String problem() {
        return problem;
    }

    private void received(EventJson json) {
        LabEvent e = readings.event(json);
        if (e == null) {
            return;
        }
        if (RACE_EVENTS.contains(e.kind())) {
            racesStale.set(true);
        }
        Detection d = readings.detection(e);
        if (d != null) {
            if (d.side() == lab.heartbeat.detect.Side.CLIENT) {
                lastDetections.put(d.client(), d);
            }
            offer(detections, d);
        }
        offer(events, e);
    }

    /** The dashboard shows the newest: while it does not read (a scenario shown), the oldest give way. */
    private static <T> void offer(BlockingQueue<T> queue, T item) {
        while (!queue.offer(item)) {
            queue.poll();
        }
    }

    private void readSafely() {
        try {
            read();
            if (problem != null) {
                problem = null;
                notice(name() + " answers again");
            }
        } catch (RemoteLabException | RuntimeException e) {
            // A runtime failure too (an answer this dashboard cannot read): it must not end the schedule.
            if (problem == null) {
                notice(e.getMessage() + "; its rows are gone until it answers");
            }
            problem = e.getMessage();
            clients = List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A line in the event log about the lab itself. */
    private void notice(String text) {
        offer(events, LabEvent.of(clock.getAsLong(), EventKind.ACTION, null, null, null, text));
    }

    private void read() throws RemoteLabException, InterruptedException {
        long at = clock.getAsLong();
        clients = remote.clients().stream()
                .map(c -> readings.client(c, lastDetections.get(LabNames.qualify(c.name(), name())))).toList();
        series.sample(at, clients);
        if (racesStale.getAndSet(false)) {
            List<RaceSnapshot> read = new ArrayList<>();
            for (FaultJson f : remote.faults()) {
                read.add(readings.race(remote.race(f.id())));
            }
            // Only a change makes the poller read every race again and the race panel compare them.
            if (!read.equals(races)) {
                races = List.copyOf(read);
                raceVersion.incrementAndGet();
            }
        }
    }

    /** The clients as last read, named {@code client@host:port}. */
    List<EndpointView> clients() {
        return clients;
    }

    /** A client's recent readings ({@code client/name@host:port}), as the charts load a local client's series. */
    Optional<SeriesView> series(String track) {
        return series.view(track);
    }

    /** The events received since the last call, oldest first. */
    List<LabEvent> drainEvents() {
        List<LabEvent> out = new ArrayList<>();
        events.drainTo(out);
        return out;
    }

    /** The detections received since the last call, oldest first. */
    List<Detection> drainDetections() {
        List<Detection> out = new ArrayList<>();
        detections.drainTo(out);
        return out;
    }

    List<RaceSnapshot> races() {
        return races;
    }

    /** Grows each time the races were read again. */
    long raceVersion() {
        return raceVersion.get();
    }

    /** Makes a fault on these clients (their names in this lab); the lab's refusal is the exception's message. */
    void inject(FaultKind kind, List<String> names, Latency latency) throws FaultException, InterruptedException {
        try {
            remote.makeFault(kind.label(), String.join(",", names), latency == null ? null : latency.delay(),
                    latency == null ? null : latency.jitter());
        } catch (RemoteLabException e) {
            throw new FaultException(name() + ": " + e.getMessage());
        }
        racesStale.set(true);
    }

    /** Clears the active faults of {@code which} kinds that hit any of these clients. */
    void clear(Collection<String> names, Predicate<FaultKind> which) throws FaultException, InterruptedException {
        try {
            for (FaultJson f : remote.faults()) {
                if (f.active() && which.test(kind(f)) && f.targets().stream().anyMatch(names::contains)) {
                    remote.clearFault(f.id());
                }
            }
        } catch (RemoteLabException e) {
            throw new FaultException(name() + ": " + e.getMessage());
        }
        racesStale.set(true);
    }

    /** Removes these clients (their names in this lab); a refusal is an {@link IllegalStateException} saying why. */
    void remove(Collection<String> names) throws InterruptedException {
        for (String n : names) {
            try {
                remote.removeClient(n);
            } catch (RemoteLabException e) {
                throw new IllegalStateException(name() + ": " + e.getMessage(), e);
            }
        }
    }

    private static FaultKind kind(FaultJson f) {
        for (FaultKind k : FaultKind.values()) {
            if (k.label().equals(f.kind())) {
                return k;
            }
        }
        return null;
    }

    @Override
    public void close() throws InterruptedException {
        if (follower != null) {
            follower.close();
        }
        reader.shutdownNow();
        reader.awaitTermination(5, TimeUnit.SECONDS);
        remote.close();
    }
}
