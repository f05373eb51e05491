package lab.heartbeat.ui.log;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import lab.heartbeat.lab.EventFormat;
import lab.heartbeat.telemetry.Detection;
import lab.heartbeat.telemetry.LabEvent;
import lab.heartbeat.telemetry.TimeBase;

/**
 * The event log's view model: the latest events as the command line prints them, newest first,
 * and the detection notices, at most one per second. It knows no node.
 */
public final class LogViewModel {
    public static final int EVENT_LINES = 300;

    private final ObservableList<String> events = FXCollections.observableArrayList();
    private final ObservableList<String> eventsView = FXCollections.unmodifiableObservableList(events);
    private final ReadOnlyObjectWrapper<Notice> notification = new ReadOnlyObjectWrapper<>(this, "notification");
    private final DetectionDigest digest;
    private EventFormat eventLines;
    private int notices;

    /** A detection notice; numbered so that two equal texts in a row are two notices. */
    public record Notice(int number, String text) {
    }

    /** @param clock monotonic nanoseconds, for the notices' rate limit */
    public LogViewModel(long labStartNanos, LongSupplier clock) {
        digest = new DetectionDigest(clock, Duration.ofSeconds(1));
        eventLines = eventFormat(labStartNanos);
    }

    /** Another lab is shown: its log starts afresh. */
    public void reset(long labStartNanos) {
        eventLines = eventFormat(labStartNanos);
        events.clear();
    }

    /** Takes one frame's news. */
    public void apply(List<LabEvent> newEvents, List<Detection> newDetections) {
        if (!newEvents.isEmpty()) {
            showEvents(newEvents);
        }
        digest.add(newDetections);
        String note = digest.poll();
        if (note != null) {
            notification.set(new Notice(++notices, note));
        }
    }

    /** Puts the new events on top of the log, newest first, and keeps the latest {@value #EVENT_LINES}. */
    private void showEvents(List<LabEvent> fresh) {
        int from = Math.max(0, fresh.size() - EVENT_LINES);
        List<String> lines = new ArrayList<>(fresh.size() - from);
        for (int i = fresh.size() - 1; i >= from; i--) {
            lines.add(eventLines.toLine(fresh.get(i)));
        }
        events.addAll(0, lines);
        if (events.size() > EVENT_LINES) {
            events.remove(EVENT_LINES, events.size());
        }
    }

    /** The same lines as the command line prints; only the start time matters for them. */
    private static EventFormat eventFormat(long labStartNanos) {
        return new EventFormat(new TimeBase(labStartNanos, Instant.EPOCH));
    }

    /** The last {@value #EVENT_LINES} events, newest first. */
    public ObservableList<String> events() {
        return eventsView;
    }

    /** The latest detection notice, at most one per second. */
    public ReadOnlyObjectProperty<Notice> notificationProperty() {
        return notification.getReadOnlyProperty();
    }
}
