package lab.heartbeat.ui.lab;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import lab.heartbeat.telemetry.LabEvent;

/**
 * The events of several labs as one log, counted as one: the newest {@value #WINDOW} are kept,
 * and a reader further behind gets only those ({@link LabGateway.Events#lostAfter}).
 */
final class MergedEvents {
    private static final int WINDOW = 10_000;

    private final ArrayDeque<LabEvent> window = new ArrayDeque<>();
    private long count;

    synchronized void append(List<LabEvent> events) {
        for (LabEvent e : events) {
            window.addLast(e);
            count++;
            if (window.size() > WINDOW) {
                window.removeFirst();
            }
        }
    }

    /** Counts events a lab dropped before they came here, so that a reader learns they were lost. */
    synchronized void lost(long events) {
        count += events;
    }

    synchronized long count() {
        return count;
    }

    synchronized LabGateway.Events since(long seen) {
        long index = count - window.size();
        List<LabEvent> out = new ArrayList<>();
        for (LabEvent e : window) {
            if (index++ >= seen) {
                out.add(e);
            }
        }
        return new LabGateway.Events(out, count);
    }
}
