package lab.heartbeat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import lab.heartbeat.telemetry.EventKind;
import lab.heartbeat.telemetry.LabEvent;
import org.junit.jupiter.api.Test;

/** Events reach the printer in the order of their times, on a clock the test moves. */
class OrderedEventsTest {
    private static final long MS = 1_000_000L;

    private final AtomicLong clock = new AtomicLong();
    private final List<Long> printed = new ArrayList<>();
    private final OrderedEvents ordered = new OrderedEvents(e -> printed.add(e.nanos() / MS), clock::get);

    private static LabEvent at(long ms, EventKind kind) {
        return LabEvent.of(ms * MS, kind, null, "c", null, null);
    }

    @Test
    void aDetectionAppendedAfterTheReconnectItCausedIsPrintedBeforeIt() {
        ordered.accept(at(3257, EventKind.RECONNECT_ATTEMPT));
        clock.addAndGet(2 * MS);
        ordered.accept(at(3251, EventKind.DETECTED));

        ordered.release();
        assertThat(printed).as("held for a moment").isEmpty();

        clock.addAndGet(OrderedEvents.HOLD_NANOS);
        ordered.release();
        assertThat(printed).containsExactly(3251L, 3257L);
        ordered.close();
    }

    @Test
    void aLoneEventGoesOutAfterItsMomentAndCloseFlushesTheRest() {
        ordered.accept(at(10, EventKind.SERVER_STARTED));
        clock.addAndGet(OrderedEvents.HOLD_NANOS);
        ordered.accept(at(500, EventKind.SERVER_STOPPED));
        ordered.release();
        assertThat(printed).containsExactly(10L);

        ordered.close();
        assertThat(printed).containsExactly(10L, 500L);
    }
}
