package lab.heartbeat.ui;

import lab.heartbeat.ui.log.LogViewModel;

import lab.heartbeat.ui.lab.DashboardFrame;
import lab.heartbeat.ui.lab.FaultStatus;
import lab.heartbeat.ui.connections.ConnectionRow;
import lab.heartbeat.ui.connections.StateBadge;
import lab.heartbeat.ui.charts.ChartMarker;
import lab.heartbeat.ui.parameters.ParameterCatalog;
import static lab.heartbeat.ui.FakeLab.frame;
import static lab.heartbeat.ui.FakeLab.view;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import lab.heartbeat.detect.Prediction;
import lab.heartbeat.detect.Cause;
import lab.heartbeat.detect.ProfileKind;
import lab.heartbeat.detect.Side;
import lab.heartbeat.telemetry.Detection;
import lab.heartbeat.telemetry.EventKind;
import lab.heartbeat.telemetry.LabEvent;
import lab.heartbeat.telemetry.TelemetrySnapshot;
import lab.heartbeat.transport.ClientState;
import org.junit.jupiter.api.Test;
import static org.awaitility.Awaitility.await;
import java.util.Map;
import java.util.Queue;
import java.util.ArrayDeque;
import lab.heartbeat.fault.FaultKind;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import lab.heartbeat.detect.Presets;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.detect.SweepParams;

/** The view model without a toolkit: fed with snapshots, commands run inline. */
class DashboardModelTest {
    private final FakeLab lab = new FakeLab();
    private final AtomicLong clock = new AtomicLong();
    private final DashboardModel model = new DashboardModel(lab, Runnable::run, Runnable::run, clock::get);

    @Test
    void rowsAreUpdatedInPlaceAndDroppedWhenTheirClientGoes() {
        model.apply(frame(List.of(view("a-1", "app-heartbeat/teaching", ClientState.UP, true, 1),
                view("b-1", "beacon/teaching", ClientState.CONNECTING, false, 0))));
        ConnectionRow a = model.connections().row("a-1");
        assertThat(model.connections().rows()).extracting(ConnectionRow::client).containsExactly("a-1", "b-1");
        assertThat(a.state()).isEqualTo(StateBadge.UP);
        assertThat(model.connections().row("b-1").state()).isEqualTo(StateBadge.CONNECTING);
        assertThat(model.status().clientsUpProperty().get()).isEqualTo(1);

        model.apply(frame(List.of(view("a-1", "app-heartbeat/teaching", ClientState.BACKOFF, false, 7))));
        assertThat(model.connections().rows()).containsExactly(a);
        assertThat(a.state()).isEqualTo(StateBadge.BACKOFF);
        assertThat(a.sentProperty().get()).isEqualTo(7);
        assertThat(model.status().clientCountProperty().get()).isEqualTo(1);
    }

    @Test
    void aClientThatBelievesItIsUpWithoutAConnectionIsDown() {
        model.apply(frame(List.of(view("a-1", "p", ClientState.UP, false, 1))));
        assertThat(model.connections().row("a-1").state()).isEqualTo(StateBadge.DOWN);
        assertThat(StateBadge.DOWN.styleClass()).isEqualTo("state-down");
    }

    @Test
    void theFilterMatchesClientProfileOrState() {
        model.apply(frame(List.of(view("a-1", "app-heartbeat/teaching", ClientState.UP, true, 1),
                view("b-1", "beacon/teaching", ClientState.BACKOFF, false, 0))));
        model.connections().filterProperty().set("beacon");
        assertThat(model.connections().visibleRows()).extracting(ConnectionRow::client).containsExactly("b-1");
        model.connections().filterProperty().set("up");
        assertThat(model.connections().visibleRows()).extracting(ConnectionRow::client).containsExactly("a-1");
        model.connections().filterProperty().set("");
        assertThat(model.connections().visibleRows()).hasSize(2);
    }

    @Test
    void aFilterOnAStatePicksUpARowThatChangesToIt() {
        model.apply(frame(List.of(view("a-1", "app-heartbeat/teaching", ClientState.UP, true, 1))));
        model.connections().filterProperty().set("up");
        assertThat(model.connections().visibleRows()).extracting(ConnectionRow::client).containsExactly("a-1");

        model.apply(frame(List.of(view("a-1", "app-heartbeat/teaching", ClientState.BACKOFF, false, 1))));
        assertThat(model.connections().visibleRows()).as("a-1 is no longer up").isEmpty();
        model.connections().filterProperty().set("backoff");
        assertThat(model.connections().visibleRows()).extracting(ConnectionRow::client).containsExactly("a-1");
    }

    @Test
    void aCommandGoesToTheLabShownWhenItWasGivenEvenIfAnotherIsShownBeforeItRuns() {
        java.util.ArrayDeque<Runnable> queued = new java.util.ArrayDeque<>();
        DashboardModel queuing = new DashboardModel(lab, queued::add, Runnable::run, clock::get);
        FakeLab scenario = new FakeLab();
        queuing.connections().addClients();
        queuing.apply(new DashboardFrame(scenario.snapshot(), List.of(), List.of(), scenario, null));
        queued.forEach(Runnable::run);

        assertThat(lab.clients).as("the lab shown when Add was pressed").hasSize(1);
        assertThat(scenario.clients).isEmpty();
    }

    @Test
    void anEditAppliesToClientsAddedAfterItAndMarksTheOlderOnes() {
        model.connections().addClients();
        model.apply(frame(lab.snapshot().clients()));
        assertThat(model.parameters().editProfile("heartbeatInterval", "250ms")).isTrue();
        assertThat(model.parameters().profileVersionProperty().get()).isEqualTo(2);
        model.connections().addCountProperty().set(2);
        model.connections().addClients();
        model.apply(frame(lab.snapshot().clients()));

        assertThat(lab.clients.values()).extracting(p -> p.heartbeatInterval())
                .containsExactly(Duration.ofMillis(500), Duration.ofMillis(250), Duration.ofMillis(250));
        assertThat(model.connections().rows()).extracting(ConnectionRow::paramsVersion).containsExactly(1, 2, 2);
        assertThat(model.connections().rows()).extracting(ConnectionRow::paramsOutdated).containsExactly(true, false, false);
        assertThat(model.connections().rows()).extracting(ConnectionRow::paramsLabel).containsExactly("v1 (old)", "v2", "v2");
        assertThat(model.connections().rows().get(0).paramsDifferences()).isEqualTo("heartbeatInterval 500ms (now 250ms)");
        assertThat(model.status().messageProperty().get()).startsWith("added 2 app-heartbeat/teaching v2");
    }

    @Test
    void theParamsOfClientsTheDashboardDidNotAddComeFromTheirProfile() {
        // Clients started with the lab or by a scenario: only the profile they run is known.
        Profile base = Profile.of(ProfileKind.APP_HEARTBEAT, Presets.teaching());
        Profile slower = base.withOverrides(Map.of("heartbeatInterval", "1s"));
        model.apply(frame(List.of(view("start-1", base.name(), ClientState.UP, true, 1, base),
                view("scenario-1", slower.name(), ClientState.UP, true, 1, slower),
                view("peer-1", "unknown", ClientState.UP, true, 1, null))));
        assertThat(model.connections().rows()).extracting(ConnectionRow::paramsLabel).containsExactly("v1", "custom (old)", "");
        assertThat(model.connections().row("scenario-1").paramsDifferences()).isEqualTo("heartbeatInterval 1s (now 500ms)");

        // The same edit in the dashboard makes the scenario's client current and the first one old, at once.
        assertThat(model.parameters().editProfile("heartbeatInterval", "1s")).isTrue();
        model.apply(frame(List.of(view("start-1", base.name(), ClientState.UP, true, 2, base),
                view("scenario-1", slower.name(), ClientState.UP, true, 2, slower),
                view("peer-1", "unknown", ClientState.UP, true, 2, null))));
        assertThat(model.connections().rows()).extracting(ConnectionRow::paramsLabel).containsExactly("v1 (old)", "v2", "");
        assertThat(model.connections().row("peer-1").paramsOutdated()).isFalse();
    }

    @Test
    void anInvalidValueShowsTheEnginesMessageAndChangesNothing() {
        assertThat(model.parameters().editProfile("heartbeatInterval", "soon")).isFalse();
        assertThat(model.parameters().validationMessageProperty().get()).startsWith("heartbeatInterval:");
        assertThat(model.parameters().profileVersionProperty().get()).isEqualTo(1);
        assertThat(model.parameters().profileParameters().get(0).value()).isEqualTo("500ms");

        assertThat(model.parameters().editProfile("keepaliveCount", "500")).isFalse();
        assertThat(model.parameters().validationMessageProperty().get()).contains("keepaliveCount").contains("127");
        assertThat(model.parameters().editProfile("heartbeatMisses", "4")).isTrue();
        assertThat(model.parameters().validationMessageProperty().get()).isEmpty();
    }

    @Test
    void eachKindAndPresetHasItsOwnVersions() {
        model.parameters().editProfile("heartbeatMisses", "5");
        model.parameters().addKindProperty().set(ProfileKind.BEACON);
        assertThat(model.parameters().profileVersionProperty().get()).isEqualTo(1);
        assertThat(model.parameters().profileParameters().get(1).value()).isEqualTo("3");
        model.parameters().addKindProperty().set(ProfileKind.APP_HEARTBEAT);
        assertThat(model.parameters().profileParameters().get(1).value()).isEqualTo("5");
    }

    @Test
    void theServerSweepIsValidatedByTheEngine() {
        assertThat(model.parameters().editServer(ParameterCatalog.SWEEP_MISSES, "0")).isFalse();
        assertThat(model.parameters().validationMessageProperty().get()).contains("sweep misses");
        assertThat(model.parameters().serverSweepProperty().get().misses()).isEqualTo(3);
        assertThat(lab.sweeps).isEmpty();
        assertThat(model.parameters().editServer(ParameterCatalog.SWEEP_INTERVAL, "2s")).isTrue();
        assertThat(model.parameters().serverSweepProperty().get().interval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(model.parameters().serverParameters().get(0).value()).isEqualTo("2s");
    }

    @Test
    void anAcceptedSweepGoesToTheRunningServerForNewConnections() {
        assertThat(model.parameters().editServer(ParameterCatalog.SWEEP_MISSES, "5")).isTrue();
        assertThat(lab.sweeps).containsExactly(new SweepParams(Duration.ofSeconds(1), 5));
        assertThat(model.status().messageProperty().get())
                .isEqualTo("server sweep 1s x 5 for new connections; open ones keep theirs");
        assertThat(model.parameters().editServer(ParameterCatalog.SWEEP_MISSES, "5")).isTrue();
        assertThat(lab.sweeps).hasSize(1);
    }

    @Test
    void whyAFaultIsUnavailableIsAPropertyThatFollowsTheShownLabAndARunningRestart() {
        FakeLab proxied = new FakeLab();
        proxied.faultStatus = new FaultStatus("proxy", "host", "", "", Map.of(FaultKind.FREEZE_SERVER, "no server here"));
        Queue<Runnable> restarts = new ArrayDeque<>();
        DashboardModel m = new DashboardModel(proxied, Runnable::run, Runnable::run, clock::get, restarts::add);
        assertThat(m.faults().unavailableProperty(FaultKind.FREEZE_SERVER).get())
                .isEqualTo("freeze-server is unavailable: no server here");
        assertThat(m.faults().unavailableProperty(FaultKind.SERVER_RESTART).get()).isEmpty();

        m.faults().restartServer("1s");
        assertThat(m.faults().unavailableProperty(FaultKind.SERVER_RESTART).get())
                .isEqualTo("server restart: one is in progress");
        proxied.restartMayEnd.countDown();
        restarts.remove().run();
        assertThat(m.faults().unavailableProperty(FaultKind.SERVER_RESTART).get()).isEmpty();

        m.connections().select(List.of("hb-1@127.0.0.1:7070"));
        assertThat(m.faults().unavailableProperty(FaultKind.FREEZE_SERVER).get())
                .as("an attached lab's clients only: that lab judges").isEmpty();
        m.connections().select(List.of("hb-1@127.0.0.1:7070", "beacon-1"));
        assertThat(m.faults().unavailableProperty(FaultKind.FREEZE_SERVER).get())
                .isEqualTo("freeze-server is unavailable: no server here");

        m.apply(new DashboardFrame(frame(List.of()).snapshot(), null, List.of(), lab, null));
        assertThat(m.faults().unavailableProperty(FaultKind.FREEZE_SERVER).get())
                .isEqualTo("freeze-server is unavailable: this lab makes no faults");
    }

    @Test
    void aCommandThatFailsSaysWhatFailedAndWhy() {
        lab.faultStatus = new FaultStatus("fake", "host", "", "", Map.of());
        DashboardModel m = new DashboardModel(lab, Runnable::run, Runnable::run, clock::get);
        m.apply(frame(List.of(view("a-1", "p", ClientState.UP, true, 1))));
        m.connections().select(List.of("a-1"));
        m.faults().fault(FaultKind.CABLE_PULL);
        assertThat(m.status().messageProperty().get())
                .isEqualTo("cable-pull failed: cable-pull is unavailable: this lab makes no faults");
    }

    @Test
    void aServerRestartWaitsOnItsOwnThreadAndOneAtATime() throws Exception {
        FakeLab restartable = new FakeLab();
        restartable.faultStatus = new FaultStatus("fake", "host", "", "", Map.of());
        ExecutorService commandThread = Executors.newSingleThreadExecutor();
        Queue<Runnable> fxQueue = new ConcurrentLinkedQueue<>();
        try {
            DashboardModel m = new DashboardModel(restartable, commandThread, fxQueue::add, clock::get);
            m.faults().restartServer("1s");
            assertThat(m.faults().restartingProperty().get()).isTrue();
            assertThat(restartable.restartBegun.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(restartable.restartThread).isEqualTo("server-restart");

            m.faults().restartServer("1s");
            assertThat(m.status().messageProperty().get()).isEqualTo("server restart: one is in progress");
            // The command thread is free while the server is down.
            m.connections().addClients();
            commandThread.submit(() -> { }).get(10, TimeUnit.SECONDS);
            assertThat(restartable.clients).containsKey("app-heartbeat-1");

            restartable.restartMayEnd.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> drain(fxQueue) && !m.faults().restartingProperty().get());
            assertThat(m.status().messageProperty().get()).isEqualTo("server back after 1s");
        } finally {
            restartable.restartMayEnd.countDown();
            commandThread.shutdownNow();
        }
    }

    /** Runs what was handed to the FX executor; true when something ran. */
    private static boolean drain(Queue<Runnable> queue) {
        boolean ran = false;
        for (Runnable r; (r = queue.poll()) != null; ) {
            r.run();
            ran = true;
        }
        return ran;
    }

    @Test
    void theChartsFollowTheSelectionOrShowTheWholeLab() {
        model.connections().addCountProperty().set(10);
        model.connections().addClients();
        model.apply(frame(lab.snapshot().clients()));
        assertThat(model.charts().chartedClients()).isEmpty();
        model.connections().select(List.of("app-heartbeat-9"));
        assertThat(model.charts().chartedClients()).containsExactly("app-heartbeat-9");
    }

    @Test
    void removeSelectedRemovesOnlyTheSelection() {
        model.connections().addCountProperty().set(3);
        model.connections().addClients();
        model.apply(frame(lab.snapshot().clients()));
        model.connections().select(List.of("app-heartbeat-2"));
        model.connections().removeSelected();
        assertThat(lab.removed).containsExactly("app-heartbeat-2");
        model.apply(frame(lab.snapshot().clients()));
        assertThat(model.connections().rows()).extracting(ConnectionRow::client).containsExactly("app-heartbeat-1", "app-heartbeat-3");
    }

    @Test
    void detectionNoticesAreLimitedToOnePerSecondAndSummarised() {
        model.apply(withDetections(1));
        assertThat(model.log().notificationProperty().get().text()).startsWith("c-0: client app-heartbeat");
        clock.addAndGet(Duration.ofMillis(300).toNanos());
        model.apply(withDetections(1000));
        model.apply(withDetections(11));
        assertThat(model.log().notificationProperty().get().number()).isEqualTo(1);
        clock.addAndGet(Duration.ofMillis(700).toNanos());
        model.apply(withDetections(0));
        assertThat(model.log().notificationProperty().get()).isEqualTo(new LogViewModel.Notice(2, "1011 detections"));
    }

    @Test
    void detectionsOfChartedClientsBecomeMarkersWithTheirSideAndTheWholeLabShowsNone() {
        DashboardFrame clients = frame(List.of(view("c-0", "p", ClientState.UP, true, 1),
                view("c-1", "p", ClientState.UP, true, 1)));
        model.apply(new DashboardFrame(clients.snapshot(), null, withDetections(2).newDetections()));
        assertThat(model.charts().chartMarkers()).isEmpty();
        model.connections().select(List.of("c-0", "c-1"));
        assertThat(model.charts().chartMarkers()).extracting(ChartMarker::label)
                .containsExactly("c-0 client: app-heartbeat", "c-1 client: app-heartbeat");
        model.connections().select(List.of("c-1"));
        assertThat(model.charts().chartMarkers()).containsExactly(ChartMarker.detection(2.0, Side.CLIENT,
                "client: app-heartbeat", "c-1, client side: app-heartbeat at 2.00 s (3 misses)"));
    }

    @Test
    void theEventLogKeepsTheLatestLines() {
        List<LabEvent> events = new ArrayList<>();
        for (int i = 0; i < LogViewModel.EVENT_LINES + 50; i++) {
            events.add(LabEvent.of(i * 1_000_000L, EventKind.CONNECTED, Side.CLIENT, "c-" + i, null, null));
        }
        model.apply(new DashboardFrame(new TelemetrySnapshot(0, List.of(), List.of(), events.size(), 0), events,
                List.of()));
        assertThat(model.log().events()).hasSize(LogViewModel.EVENT_LINES);
        assertThat(model.log().events().get(0)).contains("connected").endsWith("c-349");
        assertThat(model.log().events().get(LogViewModel.EVENT_LINES - 1)).endsWith("c-50");

        // The next frame brings only what is new: it goes on top, the oldest lines go.
        model.apply(new DashboardFrame(new TelemetrySnapshot(0, List.of(), List.of(), events.size() + 2, 0),
                List.of(LabEvent.of(1, EventKind.DISCONNECTED, Side.CLIENT, "c-350", null, null),
                        LabEvent.of(2, EventKind.CONNECTED, Side.CLIENT, "c-351", null, null)), List.of()));
        assertThat(model.log().events()).hasSize(LogViewModel.EVENT_LINES);
        assertThat(model.log().events().get(0)).endsWith("c-351");
        assertThat(model.log().events().get(1)).endsWith("c-350");
        assertThat(model.log().events().get(2)).endsWith("c-349");
        assertThat(model.log().events().get(LogViewModel.EVENT_LINES - 1)).endsWith("c-52");
    }

    @Test
    void framesTheFxThreadMissedAreMergedWithoutLosingDetections() {
        LabEvent e1 = LabEvent.of(1, EventKind.CONNECTED, Side.CLIENT, "c-1", null, null);
        LabEvent e2 = LabEvent.of(2, EventKind.CONNECTED, Side.CLIENT, "c-2", null, null);
        DashboardFrame first = new DashboardFrame(withDetections(2).snapshot(), List.of(e1),
                withDetections(2).newDetections());
        DashboardFrame second = new DashboardFrame(first.snapshot(), null, List.of(detection(9)));
        DashboardFrame merged = first.then(second);
        assertThat(merged.newDetections()).hasSize(3);
        assertThat(merged.newEvents()).containsExactly(e1);
        assertThat(merged.then(new DashboardFrame(first.snapshot(), List.of(e2), List.of())).newEvents())
                .containsExactly(e1, e2);
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
                500_000_000L, Prediction.point(2_000_000_000L), null, "3 misses");
    }
}
