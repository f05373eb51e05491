package lab.heartbeat.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import lab.heartbeat.detect.Cause;
import lab.heartbeat.detect.ProfileKind;
import lab.heartbeat.detect.Side;
import lab.heartbeat.detect.SweepParams;
import lab.heartbeat.fault.FaultBackendChoice;
import lab.heartbeat.telemetry.EndpointView;
import lab.heartbeat.telemetry.EventKind;
import lab.heartbeat.telemetry.LabEvent;
import lab.heartbeat.testing.TeachingLab;
import org.junit.jupiter.api.Test;

/** What a reader polling once per frame needs: one track, what is new, which parameters a client runs. */
class LabReadersTest {

    @Test
    void readersGetOneTrackTheNewEventsAndEachClientsProfile() throws Exception {
        var profile = TeachingLab.profile(ProfileKind.APP_HEARTBEAT);
        try (Lab lab = Lab.start(TeachingLab.config(FaultBackendChoice.NONE, Map.of("hb", profile)))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> lab.telemetry().series("client/hb-1")
                    .map(s -> s.size() > 3).orElse(false));
            assertThat(lab.telemetry().series("client/hb-1").orElseThrow().track()).isEqualTo("client/hb-1");
            assertThat(lab.telemetry().series("client/nobody")).isEmpty();

            long seen = lab.telemetry().events().appendedCount();
            var faster = TeachingLab.profile(ProfileKind.APP_HEARTBEAT, Map.of("heartbeatInterval", "250ms"));
            lab.addClients("hb", 1, faster);
            await().atMost(Duration.ofSeconds(10)).until(() -> lab.telemetry().client("hb-2")
                    .map(EndpointView::online).orElse(false));
            List<LabEvent> fresh = lab.telemetry().events().since(seen);
            assertThat(fresh.get(0).kind()).isEqualTo(EventKind.CLIENT_ADDED);
            assertThat(fresh.get(0).client()).isEqualTo("hb-2");
            assertThat(fresh).extracting(LabEvent::kind).doesNotContain(EventKind.SERVER_STARTED);
            assertThat(lab.telemetry().events().since(lab.telemetry().events().appendedCount())).isEmpty();

            assertThat(lab.telemetry().client("hb-1").orElseThrow().profileSpec()).isEqualTo(profile);
            assertThat(lab.telemetry().client("hb-2").orElseThrow().profileSpec()).isEqualTo(faster);
        }
    }

    @Test
    void aGroupNamesItsOwnClientsNotThoseOfAGroupWhoseNameItBegins() throws Exception {
        var profile = TeachingLab.profile(ProfileKind.APP_HEARTBEAT);
        try (Lab lab = Lab.start(TeachingLab.config(FaultBackendChoice.NONE, Map.of("web", profile, "web-eu", profile)))) {
            assertThat(lab.select("web")).extracting(c -> c.name()).containsExactly("web-1");
            assertThat(lab.select("web-eu")).extracting(c -> c.name()).containsExactly("web-eu-1");
            assertThat(lab.select("web, web-1, web-eu-1")).extracting(c -> c.name())
                    .containsExactlyInAnyOrder("web-1", "web-eu-1");
        }
    }

    @Test
    void aNewSweepAppliesToNewConnectionsOnly() throws Exception {
        var silentPeer = TeachingLab.profile(ProfileKind.BEACON, Map.of("heartbeatInterval", "2s"));
        try (Lab lab = Lab.start(TeachingLab.config(FaultBackendChoice.NONE, Map.of("old", silentPeer)))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> TeachingLab.settled(lab, Duration.ZERO));
            lab.updateSweep(new SweepParams(Duration.ofMillis(200), 2));
            assertThat(lab.server().sweep().misses()).isEqualTo(2);
            lab.addClients("new", 1, silentPeer);

            await().atMost(Duration.ofSeconds(10)).until(() -> lab.telemetry().detections().stream()
                    .anyMatch(d -> d.client().equals("new-1") && d.cause() == Cause.SERVER_SWEEP));
            int seen = lab.telemetry().detections().size();
            assertThat(lab.telemetry().detectionsSince(seen)).isEmpty();
            assertThat(lab.telemetry().detections()).as("beacons every 2 s pass the old 1 s x 3 sweep")
                    .noneMatch(d -> d.client().equals("old-1"))
                    .allSatisfy(d -> assertThat(d.side()).isEqualTo(Side.SERVER));
            assertThat(lab.telemetry().endsSince(0)).isNotEmpty();
        }
    }

    @Test
    void withoutServerSeriesOnlyTheClientsAreRecorded() throws Exception {
        var config = TeachingLab.config(FaultBackendChoice.NONE, Map.of("hb", TeachingLab.profile(ProfileKind.APP_HEARTBEAT)));
        config = config.withTelemetry(config.telemetry().withServerSeries(false));
        try (Lab lab = Lab.start(config)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> lab.telemetry().series("client/hb-1")
                    .map(s -> s.size() > 3).orElse(false));
            assertThat(lab.telemetry().allSeries()).extracting(s -> s.track()).containsExactly("client/hb-1");
            assertThat(lab.telemetry().snapshot().serverConnections()).hasSize(1);
        }
    }
}
