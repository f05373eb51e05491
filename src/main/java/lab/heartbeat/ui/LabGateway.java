package lab.heartbeat.ui;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import lab.heartbeat.detect.Profile;
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

    @Override
    void close() throws InterruptedException;
}
