package lab.heartbeat.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import lab.heartbeat.detect.Presets;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.detect.ProfileKind;
import lab.heartbeat.transport.ServerSettings;
import org.junit.jupiter.api.Test;

/** Closing a lab leaves nothing behind: no thread, no listening socket, no connection. */
class LabCloseTest {

    private static Set<String> labThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("lab-io") || n.startsWith("telemetry-sampler") || n.equals("event-log"))
                .collect(Collectors.toSet());
    }

    @Test
    void closeStopsEveryThreadAndFreesThePort() throws Exception {
        assertThat(labThreads()).as("no lab running before").isEmpty();
        int port;
        Profile profile = Profile.of(ProfileKind.BOTH, Presets.teaching());
        LabConfig config = LabConfig.embedded(ServerSettings.defaults().withPort(0),
                List.of(new ClientGroup("g", 20, profile)));
        try (Lab lab = Lab.start(config)) {
            port = lab.target().getPort();
            await().atMost(Duration.ofSeconds(10)).until(() -> lab.server().onlineCount() == 20);
            lab.addClients("late", 5, profile);
            await().atMost(Duration.ofSeconds(10)).until(() -> lab.server().onlineCount() == 25);
            assertThat(labThreads()).isNotEmpty();
        }
        assertThat(labThreads()).isEmpty();
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).as("the port is free again").isEqualTo(port);
        }
    }

    @Test
    void aLabThatCannotBindLeavesNothingBehind() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            LabConfig config = LabConfig.embedded(ServerSettings.defaults().withPort(taken.getLocalPort()), List.of());
            assertThatThrownBy(() -> Lab.start(config)).hasMessageContaining("Address already in use");
        }
        assertThat(labThreads()).isEmpty();
    }

    @Test
    void removedClientsCloseGracefullyAndStopReconnecting() throws Exception {
        Profile profile = Profile.of(ProfileKind.APP_HEARTBEAT, Presets.teaching());
        LabConfig config = LabConfig.embedded(ServerSettings.defaults().withPort(0),
                List.of(new ClientGroup("g", 4, profile)));
        try (Lab lab = Lab.start(config)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> lab.server().onlineCount() == 4);
            lab.removeClients(List.of("g-1", "g-2"));
            await().atMost(Duration.ofSeconds(10)).until(() -> lab.server().onlineCount() == 2);
            assertThat(lab.clients()).extracting(c -> c.name()).containsExactly("g-3", "g-4");
            assertThat(lab.telemetry().snapshot().clients()).extracting(c -> c.client()).containsExactly("g-3", "g-4");
            assertThat(lab.select("g")).hasSize(2);
            assertThat(lab.select("all")).hasSize(2);
        }
    }
}
