package lab.heartbeat.ui;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import lab.heartbeat.detect.Profile;
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

    /** The most recent events, oldest first. */
    List<LabEvent> recentEvents();

    /** The detections from this index on, in the order they happened. */
    List<Detection> detectionsFrom(int index);

    Optional<SeriesView> series(String track);

    /** The lab's monotonic clock at its start, the origin of chart time. */
    long startNanos();

    /** The client transport, e.g. {@code epoll}. */
    String transport();

    /** The embedded server's listening port, or the remote server's. */
    int port();

    /** The settings the embedded server runs with, or null without one. */
    ServerSettings serverSettings();

    List<String> addClients(String group, int count, Profile profile);

    void removeClients(Collection<String> names) throws InterruptedException;

    /** Whose races these are: {@link RaceView#LIVE} for the dashboard's own lab, else a scenario's name. */
    default String name() {
        return RaceView.LIVE;
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

    @Override
    void close() throws InterruptedException;
}
