package lab.heartbeat.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import lab.heartbeat.detect.Presets;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.detect.ProfileKind;
import lab.heartbeat.telemetry.EndpointView;
import lab.heartbeat.telemetry.EventKind;
import lab.heartbeat.testing.SeedProcess;
import lab.heartbeat.transport.ClientState;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/** Our client in the {@code beacon} profile against the seed 002 C server, which only reads and sweeps. */
class BeaconClientInteropTest {

    private static final int SWEEP_MS = 300;
    private static final int MAX_SWEEPS = 3;

    @Test
    void beaconClientsStayConnectedToTheSeed002ServerWhateverTheLengthOfTheirName() throws Exception {
        Profile beacon = Profile.of(ProfileKind.BEACON, Presets.byName("seed-002"))
                .withOverrides(Map.of("heartbeatInterval", "200ms"));
        // The HELLO carries the client's name, and seed 002 reads nothing but 8-byte headers: names of
        // eight consecutive lengths put every possible HELLO length modulo 8 on the wire.
        List<ClientGroup> groups = new ArrayList<>();
        for (int length = 1; length <= 8; length++) {
            groups.add(new ClientGroup("b".repeat(length), 1, beacon));
        }
        int clients = groups.size();

        SeedProcess server = SeedProcess.start("seed002_server", "0", Integer.toString(SWEEP_MS),
                Integer.toString(MAX_SWEEPS));
        try {
            int port = Integer.parseInt(server.awaitLine(Duration.ofSeconds(10), l -> l.startsWith("listening "))
                    .substring("listening ".length()));
            try (Lab lab = Lab.start(LabConfig.remote(new InetSocketAddress("127.0.0.1", port), groups))) {
                await().atMost(Duration.ofSeconds(10)).until(() -> server.lines(l -> l.startsWith("accepted ")).size()
                        == clients && lab.telemetry().snapshot().clientsUp() == clients);

                // Ten sweeps: a connection whose beacons the server does not recognise is closed after three.
                try {
                    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() ->
                            server.lines(l -> l.startsWith("closed ") || l.startsWith("eof ")).isEmpty()
                                    && lab.telemetry().snapshot().clients().stream().allMatch(
                                            c -> c.state() == ClientState.UP && c.online() && c.connections() == 1));
                } catch (ConditionTimeoutException e) {
                    throw new AssertionError("beacon clients did not stay connected to the seed 002 server; clients "
                            + lab.telemetry().snapshot().clients().stream()
                                    .map(c -> c.client() + "=" + c.state() + "/connections " + c.connections())
                                    .toList()
                            + "; the server said " + server.lines(l -> !l.startsWith("beacon ")), e);
                }

                assertThat(server.isAlive()).isTrue();
                assertThat(server.lines(l -> l.startsWith("closed "))).as("the seed server swept none of them")
                        .isEmpty();
                // Every connection's beacons reached the seed server as HEART headers.
                Set<String> fds = server.lines(l -> l.startsWith("accepted ")).stream()
                        .map(l -> l.substring("accepted ".length())).collect(Collectors.toSet());
                Map<String, Long> beaconsPerFd = server.lines(l -> l.startsWith("beacon ")).stream()
                        .collect(Collectors.groupingBy(l -> l.substring("beacon ".length()), Collectors.counting()));
                assertThat(beaconsPerFd.keySet()).isEqualTo(fds);
                assertThat(beaconsPerFd.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(10));

                List<EndpointView> views = lab.telemetry().snapshot().clients();
                assertThat(views).hasSize(clients).allSatisfy(c -> {
                    assertThat(c.state()).as(c.client()).isEqualTo(ClientState.UP);
                    assertThat(c.connections()).as("%s connected once", c.client()).isEqualTo(1);
                    assertThat(c.reconnectAttempts()).as(c.client()).isZero();
                    assertThat(c.lastDetection()).as(c.client()).isNull();
                    assertThat(c.heartbeatsSent()).as(c.client()).isGreaterThanOrEqualTo(10);
                });
                assertThat(lab.telemetry().detections()).isEmpty();
                assertThat(lab.telemetry().events().recent())
                        .noneMatch(e -> e.kind() == EventKind.DISCONNECTED || e.kind() == EventKind.RECONNECT_ATTEMPT);
            }
        } finally {
            server.close();
        }
    }
}
