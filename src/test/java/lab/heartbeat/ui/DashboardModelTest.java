package lab.heartbeat.ui;

import static lab.heartbeat.ui.FakeLab.frame;
import static lab.heartbeat.ui.FakeLab.view;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import lab.heartbeat.detect.Cause;
import lab.heartbeat.detect.ProfileKind;
import lab.heartbeat.detect.Side;
import lab.heartbeat.telemetry.Detection;
import lab.heartbeat.telemetry.EventKind;
import lab.heartbeat.telemetry.LabEvent;
import lab.heartbeat.telemetry.TelemetrySnapshot;
import lab.heartbeat.transport.ClientState;
import org.junit.jupiter.api.Test;

/** The view model without a toolkit: fed with snapshots, commands run inline. */
class DashboardModelTest {
    private final FakeLab lab = new FakeLab();
    private final AtomicLong clock = new AtomicLong();
    private final DashboardModel model = new DashboardModel(lab, Runnable::run, Runnable::run, clock::get);

    @Test
    void rowsAreUpdatedInPlaceAndDroppedWhenTheirClientGoes() {
        model.apply(frame(List.of(view("a-1", "app-heartbeat/teaching", ClientState.UP, true, 1),
                view("b-1", "beacon/teaching", ClientState.CONNECTING, false, 0))));
        ConnectionRow a = model.row("a-1");
        assertThat(model.rows()).extracting(ConnectionRow::client).containsExactly("a-1", "b-1");
        assertThat(a.state()).isEqualTo(StateBadge.UP);
        assertThat(model.row("b-1").state()).isEqualTo(StateBadge.CONNECTING);
        assertThat(model.clientsUpProperty().get()).isEqualTo(1);

        model.apply(frame(List.of(view("a-1", "app-heartbeat/teaching", ClientState.BACKOFF, false, 7))));
        assertThat(model.rows()).containsExactly(a);
        assertThat(a.state()).isEqualTo(StateBadge.BACKOFF);
        assertThat(a.sentProperty().get()).isEqualTo(7);
        assertThat(model.clientCountProperty().get()).isEqualTo(1);
    }

    @Test
    void aClientThatBelievesItIsUpWithoutAConnectionIsDown() {
        model.apply(frame(List.of(view("a-1", "p", ClientState.UP, false, 1))));
        assertThat(model.row("a-1").state()).isEqualTo(StateBadge.DOWN);
        assertThat(StateBadge.DOWN.styleClass()).isEqualTo("state-down");
    }

    @Test
    void theFilterMatchesClientProfileOrState() {
        model.apply(frame(List.of(view("a-1", "app-heartbeat/teaching", ClientState.UP, true, 1),
                view("b-1", "beacon/teaching", ClientState.BACKOFF, false, 0))));
        model.filterProperty().set("beacon");
        assertThat(model.visibleRows()).extracting(ConnectionRow::client).containsExactly("b-1");
        model.filterProperty().set("up");
        assertThat(model.visibleRows()).extracting(ConnectionRow::client).containsExactly("a-1");
        model.filterProperty().set("");
        assertThat(model.visibleRows()).hasSize(2);
    }

    @Test
    void anEditAppliesToClientsAddedAfterItAndMarksTheOlderOnes() {
        model.addClients();
        model.apply(frame(lab.snapshot().clients()));
        assertThat(model.editProfile("heartbeatInterval", "250ms")).isTrue();
        assertThat(model.profileVersionProperty().get()).isEqualTo(2);
        model.addCountProperty().set(2);
        model.addClients();
        model.apply(frame(lab.snapshot().clients()));

        assertThat(lab.clients.values()).extracting(p -> p.heartbeatInterval())
                .containsExactly(Duration.ofMillis(500), Duration.ofMillis(250), Duration.ofMillis(250));
        assertThat(model.rows()).extracting(ConnectionRow::paramsVersion).containsExactly(1, 2, 2);
        assertThat(model.rows()).extracting(ConnectionRow::paramsOutdated).containsExactly(true, false, false);
        assertThat(model.messageProperty().get()).startsWith("added 2 app-heartbeat/teaching v2");
    }

    @Test
    void anInvalidValueShowsTheEnginesMessageAndChangesNothing() {
        assertThat(model.editProfile("heartbeatInterval", "soon")).isFalse();
        assertThat(model.validationMessageProperty().get()).startsWith("heartbeatInterval:");
        assertThat(model.profileVersionProperty().get()).isEqualTo(1);
        assertThat(model.profileParameters().get(0).value()).isEqualTo("500ms");

        assertThat(model.editProfile("keepaliveCount", "500")).isFalse();
        assertThat(model.validationMessageProperty().get()).contains("keepaliveCount").contains("127");
        assertThat(model.editProfile("heartbeatMisses", "4")).isTrue();
        assertThat(model.validationMessageProperty().get()).isEmpty();
    }

    @Test
    void eachKindAndPresetHasItsOwnVersions() {
        model.editProfile("heartbeatMisses", "5");
        model.addKindProperty().set(ProfileKind.BEACON);
        assertThat(model.profileVersionProperty().get()).isEqualTo(1);
        assertThat(model.profileParameters().get(1).value()).isEqualTo("3");
        model.addKindProperty().set(ProfileKind.APP_HEARTBEAT);
        assertThat(model.profileParameters().get(1).value()).isEqualTo("5");
    }

    @Test
    void theServerSweepIsValidatedByTheEngine() {
        assertThat(model.editServer(ParameterCatalog.SWEEP_MISSES, "0")).isFalse();
        assertThat(model.validationMessageProperty().get()).contains("sweep misses");
        assertThat(model.serverSweepProperty().get().misses()).isEqualTo(3);
        assertThat(model.editServer(ParameterCatalog.SWEEP_INTERVAL, "2s")).isTrue();
        assertThat(model.serverSweepProperty().get().interval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(model.serverParameters().get(0).value()).isEqualTo("2s");
    }

    @Test
    void theChartsFollowTheSelectionOrShowTheFirstClients() {
        model.addCountProperty().set(10);
        model.addClients();
        model.apply(frame(lab.snapshot().clients()));
        assertThat(model.chartedClients()).hasSize(ChartFeed.MAX_CHARTED).startsWith("app-heartbeat-1");
        model.select(List.of("app-heartbeat-9"));
        assertThat(model.chartedClients()).containsExactly("app-heartbeat-9");
    }

    @Test
    void removeSelectedRemovesOnlyTheSelection() {
        model.addCountProperty().set(3);
        model.addClients();
        model.apply(frame(lab.snapshot().clients()));
        model.select(List.of("app-heartbeat-2"));
        model.removeSelected();
        assertThat(lab.removed).containsExactly("app-heartbeat-2");
        model.apply(frame(lab.snapshot().clients()));
        assertThat(model.rows()).extracting(ConnectionRow::client).containsExactly("app-heartbeat-1", "app-heartbeat-3");
    }

    @Test
    void detectionNoticesAreLimitedToOnePerSecondAndSummarised() {
        model.apply(withDetections(1));
        assertThat(model.notificationProperty().get().text()).startsWith("c-0: client app-heartbeat");
        clock.addAndGet(Duration.ofMillis(300).toNanos());
        model.apply(withDetections(1000));
        model.apply(withDetections(11));
        assertThat(model.notificationProperty().get().number()).isEqualTo(1);
        clock.addAndGet(Duration.ofMillis(700).toNanos());
        model.apply(withDetections(0));
        assertThat(model.notificationProperty().get()).isEqualTo(new DashboardModel.Notice(2, "1011 detections"));
    }

    @Test
    void detectionsOfChartedClientsBecomeMarkersOnTheTimeAxis() {
        DashboardFrame clients = frame(List.of(view("c-0", "p", ClientState.UP, true, 1),
                view("c-1", "p", ClientState.UP, true, 1)));
        model.apply(new DashboardFrame(clients.snapshot(), null, withDetections(2).newDetections()));
        assertThat(model.chartMarkers()).containsExactly(ChartMarker.detection(2.0, "c-0 app-heartbeat"),
                ChartMarker.detection(2.0, "c-1 app-heartbeat"));
        model.select(List.of("c-1"));
        assertThat(model.chartMarkers()).extracting(ChartMarker::label).containsExactly("c-1 app-heartbeat");
    }

    @Test
    void theEventLogKeepsTheLatestLines() {
        List<LabEvent> events = new ArrayList<>();
        for (int i = 0; i < DashboardModel.EVENT_LINES + 50; i++) {
            events.add(LabEvent.of(i * 1_000_000L, EventKind.CONNECTED, Side.CLIENT, "c-" + i, null, null));
        }
        model.apply(new DashboardFrame(new TelemetrySnapshot(0, List.of(), List.of(), events.size(), 0), events,
                List.of()));
        assertThat(model.events()).hasSize(DashboardModel.EVENT_LINES);
        assertThat(model.events().get(0)).contains("connected").endsWith("c-349");
        assertThat(model.events().get(DashboardModel.EVENT_LINES - 1)).endsWith("c-50");
    }

    @Test
    void framesTheFxThreadMissedAreMergedWithoutLosingDetections() {
        DashboardFrame first = withDetections(2);
        DashboardFrame second = new DashboardFrame(first.snapshot(), null, List.of(detection(9)));
        DashboardFrame merged = first.then(second);
        assertThat(merged.newDetections()).hasSize(3);
        assertThat(merged.events()).isSameAs(first.events());
    }

    private static DashboardFrame withDetections(int n) {
        List<Detection> detections = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            detections.add(detection(i));
        }
        return new DashboardFrame(new TelemetrySnapshot(0, List.of(), List.of(), 0, n), List.of(), detections);
    }

    private static Detection detection(int i) {
        return new Detection(2_000_000_000L, Side.CLIENT, "c-" + i, "c-" + i + ":1", Cause.APP_HEARTBEAT, 0L,
                500_000_000L, 2_000_000_000L, null, "3 misses");
    }
}
