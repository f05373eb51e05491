package lab.heartbeat.ui;

import lab.heartbeat.ui.lab.StartupLab;
import lab.heartbeat.ui.lab.TelemetryPoller;
import lab.heartbeat.ui.lab.DashboardFrame;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lab.heartbeat.detect.Prediction;
import lab.heartbeat.detect.Cause;
import lab.heartbeat.detect.Side;
import lab.heartbeat.telemetry.Detection;
import lab.heartbeat.telemetry.EventKind;
import lab.heartbeat.telemetry.LabEvent;
import org.junit.jupiter.api.Test;

/** The poller driven poll by poll (its schedule never started): it reads only what is new. */
class TelemetryPollerTest {
    private final FakeLab lab = new FakeLab();
    private final TelemetryPoller poller = new TelemetryPoller(lab, s -> { });

    @Test
    void eachFrameCarriesOnlyTheEventsAndDetectionsSinceThePreviousOne() {
        event(EventKind.CONNECTED, "a-1");
        event(EventKind.CONNECTED, "b-1");
        lab.detections.add(detection("a-1"));
        DashboardFrame first = pollAndTake();
        assertThat(first.newEvents()).extracting(LabEvent::client).containsExactly("a-1", "b-1");
        assertThat(first.newDetections()).extracting(Detection::client).containsExactly("a-1");

        DashboardFrame quiet = pollAndTake();
        assertThat(quiet.newEvents()).isEmpty();
        assertThat(quiet.newDetections()).isEmpty();

        event(EventKind.DISCONNECTED, "b-1");
        lab.detections.add(detection("b-1"));
        DashboardFrame next = pollAndTake();
        assertThat(next.newEvents()).extracting(LabEvent::client).containsExactly("b-1");
        assertThat(next.newDetections()).extracting(Detection::client).containsExactly("b-1");
    }

    @Test
    void framesNotTakenYetAddUp() {
        event(EventKind.CONNECTED, "a-1");
        poller.poll();
        event(EventKind.CONNECTED, "b-1");
        lab.detections.add(detection("b-1"));
        poller.poll();
        DashboardFrame both = poller.take();
        assertThat(both.newEvents()).extracting(LabEvent::client).containsExactly("a-1", "b-1");
        assertThat(both.newDetections()).hasSize(1);
        assertThat(poller.take()).isNull();
    }

    @Test
    void racesAreReadOnlyAfterAFaultAndAtMostEveryFewPollsWhileTheyChange() {
        for (int i = 0; i < 10; i++) {
            event(EventKind.CONNECTED, "c-" + i);
            poller.poll();
        }
        assertThat(lab.raceReads).hasValue(0);
        assertThat(poller.take().races()).isEmpty();

        event(EventKind.FAULT_INJECTED, "all");
        for (int i = 0; i < TelemetryPoller.RACE_EVERY; i++) {
            poller.poll();
        }
        assertThat(lab.raceReads).hasValue(1);
        for (int i = 0; i < 10; i++) {
            poller.poll();
        }
        assertThat(lab.raceReads).as("nothing changed").hasValue(1);

        // A detection every poll: read again, but not every poll.
        for (int i = 0; i < 3 * TelemetryPoller.RACE_EVERY; i++) {
            lab.detections.add(detection("c-" + i));
            poller.poll();
        }
        assertThat(lab.raceReads.get()).isBetween(2, 4);
        // The last change is never left unread.
        for (int i = 0; i < TelemetryPoller.RACE_EVERY; i++) {
            poller.poll();
        }
        int settled = lab.raceReads.get();
        for (int i = 0; i < 10; i++) {
            poller.poll();
        }
        assertThat(lab.raceReads).hasValue(settled);
    }

    @Test
    void racesChangedWithoutAnEventOfTheLabsOwnAreReadAgain() {
        poller.poll();
        assertThat(poller.take().races()).isEmpty();
        for (int i = 0; i < 2 * TelemetryPoller.RACE_EVERY; i++) {
            poller.poll();
        }
        assertThat(lab.raceReads).hasValue(0);

        lab.raceVersion.incrementAndGet();
        for (int i = 0; i < TelemetryPoller.RACE_EVERY; i++) {
            poller.poll();
        }

        assertThat(lab.raceReads).as("an attached lab's races read again").hasValue(1);
    }

    @Test
    void theDashboardsOwnLabKeepsNoTimeSeriesOfTheServersEnds() {
        assertThat(StartupLab.config().telemetry().serverSeries()).isFalse();
        assertThat(StartupLab.config().telemetry().historySamples()).isPositive();
    }

    private DashboardFrame pollAndTake() {
        poller.poll();
        return poller.take();
    }

    private void event(EventKind kind, String client) {
        lab.events.add(LabEvent.of(lab.events.size(), kind, Side.CLIENT, client, null, null));
    }

    private static Detection detection(String client) {
        return new Detection(2_000_000_000L, Side.CLIENT, client, client + ":1", Cause.APP_HEARTBEAT, 0L,
                500_000_000L, Prediction.point(2_000_000_000L), null, "3 misses");
    }
}
