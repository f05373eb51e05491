package lab.heartbeat.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import lab.heartbeat.detect.ProfileKind;
import lab.heartbeat.fault.FaultBackendChoice;
import lab.heartbeat.lab.EventJson;
import lab.heartbeat.lab.Lab;
import lab.heartbeat.lab.Report;
import lab.heartbeat.testing.TeachingLab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The control API's client against a real lab's control server on loopback (proxy faults). */
class RemoteLabTest {
    private static final Duration AWAIT = Duration.ofSeconds(20);

    private Lab lab;
    private ControlServer server;
    private RemoteLab remote;

    private String start(String token) throws Exception {
        lab = Lab.start(TeachingLab.config(FaultBackendChoice.PROXY,
                Map.of("hb", TeachingLab.profile(ProfileKind.APP_HEARTBEAT))));
        server = ControlServer.start(lab, new InetSocketAddress("127.0.0.1", 0), token);
        return "127.0.0.1:" + server.port();
    }

    @AfterEach
    void close() throws Exception {
        if (remote != null) {
            remote.close();
        }
        if (server != null) {
            server.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void readsTheLabAndItsClientsAsTypedRecords() throws Exception {
        remote = RemoteLab.connect(start("s3cret"), "s3cret");
        await().atMost(AWAIT).until(() -> TeachingLab.settled(lab, Duration.ofSeconds(1)));

        assertThat(remote.lab().faultBackend()).isEqualTo("proxy");
        assertThat(remote.lab().serverPort()).isEqualTo(lab.target().getPort());
        List<ClientJson> clients = remote.clients();
        assertThat(clients).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("hb-1");
            assertThat(c.group()).isEqualTo("hb");
            assertThat(c.state()).isEqualTo("up");
            assertThat(c.acksReceived()).isPositive();
        });
        assertThat(remote.readLab().uptimeMs()).isGreaterThan(remote.lab().uptimeMs());
    }

    @Test
    void makesAFaultReadsItsRaceAndClearsIt() throws Exception {
        remote = RemoteLab.connect(start(null), null);
        await().atMost(AWAIT).until(() -> TeachingLab.settled(lab, Duration.ofSeconds(1)));

        FaultJson made = remote.makeFault("cable-pull", "hb-1", null, null);

        assertThat(made.id()).isEqualTo("fault-1");
        assertThat(made.active()).isTrue();
        assertThat(remote.faults()).singleElement().extracting(FaultJson::targets).isEqualTo(List.of("hb-1"));
        await().atMost(AWAIT).until(() -> !remote.race("fault-1").detections().isEmpty());
        Report.Fault race = remote.race("fault-1");
        assertThat(race.detections().get(0).mechanism()).isEqualTo("app-heartbeat");
        assertThat(race.t0()).isEqualTo(made.t0());
        FaultJson cleared = remote.clearFault("fault-1");
        assertThat(cleared.active()).isFalse();
        assertThat(lab.faults().get(0).active()).isFalse();
        assertThatThrownBy(() -> remote.clearFault("fault-1")).isInstanceOf(RemoteLabException.class)
                .hasMessage("fault-1 is cleared already");
    }

    @Test
    void aLatencyCarriesItsDelayAndAFaultTheLabCannotMakeSaysWhy() throws Exception {
        remote = RemoteLab.connect(start(null), null);

        remote.makeFault("latency", "hb", Duration.ofMillis(40), Duration.ofMillis(10));

        assertThat(lab.faults().get(0).latency().delay()).isEqualTo(Duration.ofMillis(40));
        assertThat(lab.faults().get(0).latency().jitter()).isEqualTo(Duration.ofMillis(10));
        assertThatThrownBy(() -> remote.makeFault("cable-pull", "nobody", null, null))
                .isInstanceOf(RemoteLabException.class).hasMessageContaining("no group or client named 'nobody'");
    }

    @Test
    void followsEventsUntilClosedAndLeavesNoThread() throws Exception {
        remote = RemoteLab.connect(start(null), null);
        List<EventJson> seen = new CopyOnWriteArrayList<>();

        EventFollower follower = remote.follow(seen::add);
        lab.addClients("more", 1, TeachingLab.profile(ProfileKind.APP_HEARTBEAT));
        await().atMost(AWAIT).until(() -> seen.stream().anyMatch(e -> e.event().equals("connected")
                && "more-1".equals(e.client())));
        remote.makeFault("cable-pull", "more-1", null, null);
        await().atMost(AWAIT).until(() -> seen.stream().anyMatch(e -> e.event().equals("detected")
                && e.timing() != null && "fault-1".equals(e.timing().since())));

        follower.close();

        assertThat(follower.ended()).isTrue();
        await().atMost(AWAIT).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("events-")));
    }

    @Test
    void aWrongTokenIsOneClearSentence() throws Exception {
        String address = start("right");

        assertThatThrownBy(() -> RemoteLab.connect(address, "wrong")).isInstanceOf(RemoteLabException.class)
                .hasMessage(address + " refused the token: wrong token");
        assertThatThrownBy(() -> RemoteLab.connect(address, " ")).isInstanceOf(RemoteLabException.class)
                .hasMessageStartingWith(address + " refused the token: this control API needs its token");
    }

    @Test
    void anUnreachablePortIsOneClearSentence() throws Exception {
        int free;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            free = s.getLocalPort();
        }

        assertThatThrownBy(() -> RemoteLab.connect("127.0.0.1:" + free, null)).isInstanceOf(RemoteLabException.class)
                .hasMessageStartingWith("no lab answers at 127.0.0.1:" + free + " (");
    }

    @Test
    void anHttpServerThatIsNoLabIsSaidToBeNone() throws Exception {
        com.sun.net.httpserver.HttpServer other = com.sun.net.httpserver.HttpServer
                .create(new InetSocketAddress("127.0.0.1", 0), 0);
        other.start();
        try {
            String address = "127.0.0.1:" + other.getAddress().getPort();
            assertThatThrownBy(() -> RemoteLab.connect(address, null)).isInstanceOf(RemoteLabException.class)
                    .hasMessage(address + " is not a heartbeat lab's control API (GET /lab answered 404)");
        } finally {
            other.stop(0);
        }
    }
}
