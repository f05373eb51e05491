package lab.heartbeat.ui.lab;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.detect.SweepParams;
import lab.heartbeat.fault.FaultException;
import lab.heartbeat.fault.FaultKind;
import lab.heartbeat.fault.Latency;
import lab.heartbeat.lab.FaultRecord;
import lab.heartbeat.lab.Race;
import lab.heartbeat.telemetry.Detection;
import lab.heartbeat.telemetry.LabEvent;
import lab.heartbeat.telemetry.SeriesView;
import lab.heartbeat.telemetry.TelemetrySnapshot;
import lab.heartbeat.transport.ServerSettings;

/**
 * What the dashboard needs of a running lab. Every method may block on the lab's locks, so only
 * the poller and the command thread call it, never the FX thread.
 */
public interface LabGateway extends AutoCloseable {

    TelemetrySnapshot snapshot();

    /**
     * The events appended after the first {@code seen}, oldest first, and the count to pass next
     * time. A reader that fell further behind than the lab's event window gets only the newest
     * ones: then {@code seen} grows by more than the events returned.
     */
    Events eventsSince(long seen);

    /** New events and the log's count after them. */
    record Events(List<LabEvent> events, long seen) {
        public Events {
            events = List.copyOf(events);
        }

        /** Whether events were lost between {@code before} and these. */
        public boolean lostAfter(long before) {
            return seen - before > events.size();
        }
    }

    /** The detections after the first {@code index}, in the order they happened. */
    List<Detection> detectionsSince(int index);

    /** The ends of connections (detections, resets, closes) after the first {@code index}. */
    default List<Detection> endsSince(int index) {
        return List.of();
    }

    Optional<SeriesView> series(String track);

    /** The lab's monotonic clock at its start, the origin of chart time. */
    long startNanos();

    /** The client transport, e.g. {@code epoll}. */
    String transport();

    /** The embedded server's listening port, or the remote server's. */
    int port();

    /** The settings the embedded server started with, or null without one. */
    ServerSettings serverSettings();

    /** The sweep the server gives new connections now (null: none, or no server). Cheap, no lock. */
    default SweepParams serverSweep() {
        ServerSettings s = serverSettings();
        return s == null ? null : s.sweep();
    }

    /** Sweeps connections the server accepts from now on with these parameters; open ones keep theirs. */
    default void updateSweep(SweepParams sweep) {
        throw new IllegalStateException("this lab has no embedded server");
    }

    List<String> addClients(String group, int count, Profile profile);

    void removeClients(Collection<String> names) throws InterruptedException;

    /** Whose races these are: {@link RaceSnapshot#LIVE} for the dashboard's own lab, else a scenario's name. */
    default String name() {
        return RaceSnapshot.LIVE;
    }

    /** The fault backend and what it cannot do; a lab without faults says so. Cheap, no lock. */
    default FaultStatus faultStatus() {
        return FaultStatus.NONE;
    }

    /** Makes a fault on the clients the target names (comma-separated); may block on the backend. */
    default void inject(FaultKind kind, String target, Latency latency) throws FaultException {
        throw new FaultException(kind.label() + " is unavailable: this lab makes no faults");
    }

    /** Clears the network faults of these clients. */
    default void plugIn(String target) throws FaultException {
        throw new FaultException("this lab makes no faults");
    }

    /** Thaws these clients and the server's ends of their connections. */
    default void unfreeze(String target) throws FaultException {
        throw new FaultException("this lab makes no faults");
    }

    /** Stops the server, waits {@code down}, starts it again; blocks for about {@code down}. */
    default void restartServer(java.time.Duration down) throws InterruptedException, FaultException {
        throw new FaultException("this lab has no server to restart");
    }

    /** Every fault made so far, oldest first. */
    default List<FaultRecord> faults() {
        return List.of();
    }

    /** Every fault's race. */
    default List<Race> races() {
        return List.of();
    }

    /** Every fault's race as the race panel shows it, the latest last. */
    default List<RaceSnapshot> raceSnapshots() {
        String source = name();
        long start = startNanos();
        return races().stream().map(r -> RaceSnapshot.of(source, r, start)).toList();
    }

    /**
     * Grows when races changed without an event of this lab's saying so (an attached lab's races
     * read again, a lab attached or detached). Cheap, no lock.
     */
    default long raceVersion() {
        return 0;
    }

    @Override
    void close() throws InterruptedException;
}
