package lab.heartbeat.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import lab.heartbeat.control.ControlServer;
import lab.heartbeat.detect.ProfileKind;
import lab.heartbeat.fault.FaultBackendChoice;
import lab.heartbeat.fault.FaultException;
import lab.heartbeat.fault.FaultKind;
import lab.heartbeat.lab.Lab;
import lab.heartbeat.telemetry.EndpointView;
import lab.heartbeat.telemetry.EventKind;
import lab.heartbeat.telemetry.LabEvent;
import lab.heartbeat.telemetry.Series;
import lab.heartbeat.telemetry.SeriesView;
import lab.heartbeat.testing.TeachingLab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded lab and an attached one as the dashboard reads them: two real labs whose clients
 * have the same names ({@code hb-1}), the second behind its control API (proxy faults).
 */
class LabsGatewayTest {
    private static final Duration AWAIT = Duration.ofSeconds(20);

    private Lab own;
    private Lab other;
    private ControlServer api;
    private LabsGateway labs;
    private String address;

    @BeforeEach
    void start() throws Exception {
        Map<String, lab.heartbeat.detect.Profile> hb = Map.of("hb", TeachingLab.profile(ProfileKind.APP_HEARTBEAT));
        own = Lab.start(TeachingLab.config(FaultBackendChoice.PROXY, hb));
        other = Lab.start(TeachingLab.config(FaultBackendChoice.PROXY, hb));
        api = ControlServer.start(other, new InetSocketAddress("127.0.0.1", 0), "tok");
        address = "127.0.0.1:" + api.port();
        labs = new LabsGateway(new LiveLab(own), io.netty.util.concurrent.Ticker.systemTicker()::nanoTime);
        await().atMost(AWAIT).until(() -> TeachingLab.settled(own, Duration.ofSeconds(1))
                && TeachingLab.settled(other, Duration.ofSeconds(1)));
    }

    @AfterEach
    void close() throws Exception {
        if (labs != null) {
            labs.close();
        }
        api.close();
        other.close();
    }

    private List<String> clients() {
        return labs.snapshot().clients().stream().map(EndpointView::client).toList();
    }

    @Test
    void theRowsOfBothLabsStayApartThoughTheirNamesClash() throws Exception {
        assertThat(clients()).containsExactly("hb-1");

        labs.attach(address, "tok");

        assertThat(clients()).containsExactly("hb-1", "hb-1@" + address);
        EndpointView remote = labs.snapshot().clients().get(1);
        assertThat(remote.online()).isTrue();
        assertThat(remote.heartbeatsSent()).isPositive();
        assertThat(LabNames.labOf(remote.client())).isEqualTo(address);
        assertThat(LabNames.nameOf(remote.client())).isEqualTo("hb-1");
        assertThat(labs.series("client/hb-1")).isPresent();
        // Read twice a second into series of the dashboard's own, so a client selected later charts its past.
        await().atMost(AWAIT).until(() -> labs.series("client/hb-1@" + address).map(SeriesView::size).orElse(0) >= 3);
        SeriesView past = labs.series("client/hb-1@" + address).orElseThrow();
        int last = past.size() - 1;
        assertThat(past.value(Series.HEARTBEATS_SENT, last)).isGreaterThan(past.value(Series.HEARTBEATS_SENT, 0));
        assertThat(past.nanos()[last]).isGreaterThan(past.nanos()[0]).isLessThanOrEqualTo(own.telemetry().now());
        assertThat(past.value(Series.RTT_MS, last)).isNotNaN();
        assertThat(labs.series("client/nobody@" + address)).isEmpty();
    }

    @Test
    void aFaultOnAnAttachedClientIsMadeByItsLabAndItsRaceComesOnTheDashboardsAxis() throws Exception {
        labs.attach(address, "tok");
        long versionBefore = labs.raceVersion();

        labs.inject(FaultKind.CABLE_PULL, "hb-1@" + address, null);

        assertThat(own.faults()).isEmpty();
        assertThat(other.faults()).singleElement().satisfies(f -> assertThat(f.targets()).containsExactly("hb-1"));
        await().atMost(AWAIT).until(() -> labs.raceSnapshots().stream().anyMatch(r -> !r.detections().isEmpty()));
        RaceSnapshot race = labs.raceSnapshots().get(0);
        assertThat(race.source()).isEqualTo(address);
        assertThat(race.key()).isEqualTo(address + "#1");
        assertThat(race.targets()).containsExactly("hb-1@" + address);
        assertThat(race.detections().get(0).client()).isEqualTo("hb-1@" + address);
        assertThat(race.detections().get(0).mechanism()).isEqualTo("app-heartbeat");
        assertThat(race.groups()).extracting(g -> g.key()).contains("client app-heartbeat");
        assertThat(labs.raceVersion()).isGreaterThan(versionBefore);
        // The other lab's t0, placed on this lab's axis, is when this lab's clock said it was made.
        double t0HereSeconds = (other.faults().get(0).t0Nanos() - own.telemetry().startNanos()) / 1e9;
        assertThat(race.t0Seconds()).isCloseTo(t0HereSeconds, org.assertj.core.data.Offset.offset(0.05));

        long detectionsBefore = 0;
        await().atMost(AWAIT).until(() -> labs.snapshot().detectionCount() > detectionsBefore
                && labs.detectionsSince(0).stream().anyMatch(d -> d.client().equals("hb-1@" + address)));
        lab.heartbeat.telemetry.Detection seen = labs.detectionsSince(0).stream()
                .filter(d -> d.client().equals("hb-1@" + address)).findFirst().orElseThrow();
        assertThat(seen.mechanism().label()).isEqualTo("app-heartbeat");
        assertThat(seen.measuredMsAfter(own.telemetry().startNanos() + Math.round(race.t0Seconds() * 1e9)))
                .isCloseTo(race.detections().get(0).measuredMs(), org.assertj.core.data.Offset.offset(2.0));
        await().atMost(AWAIT).until(() -> labs.snapshot().clients().get(1).lastDetection() != null);

        labs.plugIn("hb-1@" + address);

        assertThat(other.faults().get(0).active()).isFalse();
        labs.inject(FaultKind.CABLE_PULL, "hb-1", null);
        assertThat(own.faults()).singleElement().satisfies(f -> assertThat(f.targets()).containsExactly("hb-1"));
        assertThat(other.faults()).hasSize(1);
        await().atMost(AWAIT).until(() -> labs.raceSnapshots().size() == 2);
        assertThat(labs.raceSnapshots()).extracting(RaceSnapshot::key).containsExactly(address + "#1", "live#1");
    }

    @Test
    void aFaultTheAttachedLabRefusesSaysWhyWithItsName() throws Exception {
        labs.attach(address, "tok");

        assertThatThrownBy(() -> labs.inject(FaultKind.CABLE_PULL, "nobody@" + address, null))
                .isInstanceOf(FaultException.class).hasMessageStartingWith(address + ": ")
                .hasMessageContaining("no group or client named 'nobody'");
    }

    @Test
    void theAttachedLabsEventsJoinTheLogWithTheirClientsNamedByLab() throws Exception {
        labs.attach(address, "tok");
        long seen = labs.snapshot().eventCount();

        other.addClients("more", 1, TeachingLab.profile(ProfileKind.APP_HEARTBEAT));

        await().atMost(AWAIT).until(() -> polled(seen).stream().anyMatch(
                e -> e.kind() == EventKind.CONNECTED && ("more-1@" + address).equals(e.client())));
        LabEvent connected = polled(seen).stream()
                .filter(e -> e.kind() == EventKind.CONNECTED && ("more-1@" + address).equals(e.client()))
                .findFirst().orElseThrow();
        assertThat(Math.abs(connected.nanos() - own.telemetry().now())).isLessThan(Duration.ofSeconds(5).toNanos());
        assertThat(labs.snapshot().eventCount()).isEqualTo(labs.eventsSince(seen).seen());
        await().atMost(AWAIT).until(() -> clients().contains("more-1@" + address));
    }

    /** The events after {@code seen} as the poller reads them: a snapshot first, then what is new. */
    private List<LabEvent> polled(long seen) {
        labs.snapshot();
        return labs.eventsSince(seen).events();
    }

    @Test
    void removingAnAttachedClientRemovesItInItsLabOnly() throws Exception {
        labs.attach(address, "tok");

        labs.removeClients(List.of("hb-1@" + address));

        assertThat(other.clients()).isEmpty();
        assertThat(own.clients()).hasSize(1);
        assertThatThrownBy(() -> labs.removeClients(List.of("nobody@" + address)))
                .hasMessage(address + ": no client named 'nobody'");
    }

    @Test
    void detachingDropsTheRowsAndRacesAndLeavesNoThread() throws Exception {
        labs.attach(address, "tok");
        labs.inject(FaultKind.CABLE_PULL, "hb-1@" + address, null);
        await().atMost(AWAIT).until(() -> !labs.raceSnapshots().isEmpty());
        long version = labs.raceVersion();

        labs.detach(address);

        assertThat(clients()).containsExactly("hb-1");
        assertThat(labs.raceSnapshots()).isEmpty();
        assertThat(labs.raceVersion()).isNotEqualTo(version);
        assertThat(labs.attached()).isEmpty();
        // A thread that was ended may take a moment to be gone.
        await().atMost(Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("events-") || t.getName().startsWith("attached-")));
    }

    @Test
    void aLabThatStopsAnsweringLosesItsRowsAndSaysSoInTheLog() throws Exception {
        labs.attach(address, "tok");
        long seen = labs.snapshot().eventCount();

        api.close();

        await().atMost(AWAIT).until(() -> polled(seen).stream().anyMatch(e -> e.kind() == EventKind.ACTION
                && e.detail().startsWith("no lab answers at " + address)
                && e.detail().endsWith("its rows are gone until it answers")));
        assertThat(clients()).containsExactly("hb-1");
    }

    @Test
    void aWrongTokenAttachesNothing() {
        assertThatThrownBy(() -> labs.attach(address, "wrong")).hasMessage(address + " refused the token: wrong token");
        assertThat(labs.attached()).isEmpty();
    }
}
