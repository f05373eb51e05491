package lab.heartbeat.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import lab.heartbeat.detect.Cause;
import lab.heartbeat.detect.Presets;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.detect.ProfileKind;
import lab.heartbeat.detect.Side;
import lab.heartbeat.telemetry.EndpointView;
import lab.heartbeat.telemetry.EventKind;
import lab.heartbeat.telemetry.LabEvent;
import lab.heartbeat.transport.ClientState;
import lab.heartbeat.transport.ServerSettings;
import org.junit.jupiter.api.Test;

/** The whole engine on loopback: many clients, heartbeats answered, a server restart survived. */
class LabLoopbackTest {

    private static LabConfig config(int clients) {
        Profile profile = Profile.of(ProfileKind.APP_HEARTBEAT, Presets.teaching());
        ServerSettings server = ServerSettings.defaults().withPort(0).withSweep(Presets.teaching().sweep());
        return LabConfig.embedded(server, List.of(new ClientGroup("hb", clients, profile))).withJitterSeed(42L);
    }

    @Test
    void fiftyClientsHeartbeatThenAllReconnectAfterAServerRestart() throws Exception {
        try (Lab lab = Lab.start(config(50))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> lab.telemetry().snapshot().clientsUp() == 50);
            await().atMost(Duration.ofSeconds(20)).until(() -> lab.telemetry().snapshot().clients().stream()
                    .allMatch(c -> c.acksReceived() >= 2));
            assertThat(lab.server().onlineCount()).isEqualTo(50);
            assertThat(lab.telemetry().detections()).as("no false detection while healthy").isEmpty();

            lab.restartServer(Duration.ofMillis(300));

            await().atMost(Duration.ofSeconds(20)).until(() -> lab.telemetry().snapshot().clients().stream()
                    .allMatch(c -> c.online() && c.connections() == 2));
            List<LabEvent> events = lab.telemetry().events().recent();
            Map<String, LabEvent> clientDisconnects = events.stream()
                    .filter(e -> e.kind() == EventKind.DISCONNECTED && e.side() == Side.CLIENT)
                    .collect(Collectors.toMap(LabEvent::client, Function.identity(), (a, b) -> a));
            assertThat(clientDisconnects).hasSize(50);
            assertThat(clientDisconnects.values()).allSatisfy(e -> assertThat(e.cause()).isEqualTo(Cause.PEER_CLOSED));
            assertThat(events.stream().filter(e -> e.kind() == EventKind.DISCONNECTED && e.side() == Side.SERVER))
                    .hasSize(50).allSatisfy(e -> assertThat(e.cause()).isEqualTo(Cause.LOCAL_CLOSE));
            List<Long> delays = events.stream().filter(e -> e.kind() == EventKind.RECONNECT_ATTEMPT)
                    .map(LabEvent::delayMs).toList();
            assertThat(delays).as("one jittered attempt per client").hasSizeGreaterThanOrEqualTo(50)
                    .allSatisfy(d -> assertThat(d).isBetween(400L, 600L));
            assertThat(delays.stream().distinct().count()).as("jitter spreads the attempts").isGreaterThan(10);
            assertThat(lab.telemetry().snapshot().clients()).extracting(EndpointView::state)
                    .containsOnly(ClientState.UP);
        }
    }
}
