package lab.heartbeat.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import lab.heartbeat.detect.Cause;
import lab.heartbeat.detect.Presets;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.detect.ProfileKind;
import lab.heartbeat.detect.Side;
import lab.heartbeat.detect.SweepParams;
import lab.heartbeat.telemetry.EndpointView;
import lab.heartbeat.telemetry.EventKind;
import lab.heartbeat.telemetry.LabEvent;
import lab.heartbeat.testing.SeedProcess;
import lab.heartbeat.transport.ClientState;
import lab.heartbeat.transport.ServerConnection;
import lab.heartbeat.transport.ServerSettings;
import org.junit.jupiter.api.Test;

/**
 * Our real server against peers that are not our client: raw seed bytes over a plain socket, the
 * seed 002 C client, bad frames, and a keepalive-only client beside a mute peer.
 */
class ServerInteropTest {

    /** Seed 002's beacon: {HEART = 0, length = 0}, the payload length in the length field. */
    private static final byte[] SEED002_BEACON = {0, 0, 0, 0, 0, 0, 0, 0};
    /** Seed 000's HeartCheckReq: {0, 8}, the whole length. */
    private static final byte[] SEED000_REQUEST = {0, 0, 0, 0, 8, 0, 0, 0};
    /** HEARTBEAT_ACK {1, 8}, as docs/PROTOCOL.md puts it on the wire. */
    private static final byte[] ACK = {1, 0, 0, 0, 8, 0, 0, 0};

    private static final Duration SHORT_SWEEP = Duration.ofMillis(300);
    private static final int SHORT_SWEEP_MISSES = 3;

    private static Lab startLab(SweepParams sweep, List<ClientGroup> groups) throws InterruptedException {
        ServerSettings server = ServerSettings.defaults().withPort(0).withSweep(sweep);
        return Lab.start(LabConfig.embedded(server, groups).withJitterSeed(7L));
    }

    private static Socket rawPeer(Lab lab) throws IOException {
        Socket socket = new Socket(lab.target().getAddress(), lab.target().getPort());
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(5_000);
        return socket;
    }

    /** How the server names a peer that sent no HELLO: by its address and port. */
    private static String serverKey(Socket peer) {
        return "peer@127.0.0.1:" + peer.getLocalPort();
    }

    private static Optional<EndpointView> serverView(Lab lab, String key) {
        return lab.telemetry().snapshot().serverConnections().stream()
                .filter(v -> v.connection().equals(key)).findFirst();
    }

    private static Optional<LabEvent> event(Lab lab, EventKind kind, String key) {
        return lab.telemetry().events().recent().stream()
                .filter(e -> e.kind() == kind && key.equals(e.connection())).findFirst();
    }

    private static LabEvent awaitEvent(Lab lab, EventKind kind, String key) {
        return await().atMost(Duration.ofSeconds(5))
                .until(() -> event(lab, kind, key), Optional::isPresent).orElseThrow();
    }

    /** The server closed this socket: the next read sees end of stream or a reset, not a timeout. */
    private static void assertClosedByServer(Socket socket) throws IOException {
        try {
            int read = socket.getInputStream().read();
            assertThat(read).as("the server closed the connection (end of stream), sent nothing").isEqualTo(-1);
        } catch (SocketTimeoutException e) {
            fail("the server did not close the connection within " + socket.getSoTimeout() + " ms");
        } catch (SocketException e) {
            // A reset is a close too.
        }
    }

    private static byte[] header(int type, int len) {
        return new byte[] {(byte) type, (byte) (type >> 8), (byte) (type >> 16), (byte) (type >> 24),
                (byte) len, (byte) (len >> 8), (byte) (len >> 16), (byte) (len >> 24)};
    }

    // 1. Seed bytes over a plain socket

    @Test
    void seed002BeaconsOnARawSocketAreCountedOnTheDashboardAndAnswered() throws Exception {
        try (Lab lab = startLab(new SweepParams(Duration.ofSeconds(1), 5), List.of());
                Socket peer = rawPeer(lab)) {
            String key = serverKey(peer);
            await().atMost(Duration.ofSeconds(5)).until(() -> lab.server().connections().stream()
                    .anyMatch(c -> c.id().clientPort() == peer.getLocalPort()));
            ServerConnection listed = lab.server().connections().stream()
                    .filter(c -> c.id().clientPort() == peer.getLocalPort()).findFirst().orElseThrow();
            assertThat(listed.remoteAddress()).isEqualTo("127.0.0.1:" + peer.getLocalPort());
            assertThat(listed.id().key()).isEqualTo(key);

            OutputStream out = peer.getOutputStream();
            InputStream in = peer.getInputStream();
            for (int beacon = 1; beacon <= 3; beacon++) {
                out.write(SEED002_BEACON);
                out.flush();
                long expected = beacon;
                await().atMost(Duration.ofSeconds(5))
                        .until(() -> serverView(lab, key).map(EndpointView::framesIn).orElse(0L) >= expected);
                assertThat(in.readNBytes(8)).as("answer to beacon %d", beacon).isEqualTo(ACK);
            }

            EndpointView view = serverView(lab, key).orElseThrow();
            assertThat(view.online()).isTrue();
            assertThat(view.framesIn()).as("every {0,0} beacon counted once, as a frame").isEqualTo(3);
            assertThat(view.bytesIn()).isEqualTo(24);
            assertThat(view.framesOut()).as("one ack per beacon").isEqualTo(3);
            assertThat(event(lab, EventKind.PROTOCOL_ERROR, key)).as("a zero length is not an error").isEmpty();
            assertThat(event(lab, EventKind.DISCONNECTED, key)).isEmpty();
        }
    }

    @Test
    void seed000RequestIsAnsweredWithExactlyTheAckBytes() throws Exception {
        try (Lab lab = startLab(new SweepParams(Duration.ofSeconds(1), 5), List.of());
                Socket peer = rawPeer(lab)) {
            String key = serverKey(peer);
            OutputStream out = peer.getOutputStream();
            InputStream in = peer.getInputStream();
            for (int request = 1; request <= 2; request++) {
                out.write(SEED000_REQUEST);
                out.flush();
                assertThat(in.readNBytes(8)).as("answer to request %d", request).isEqualTo(ACK);
            }
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> serverView(lab, key).map(EndpointView::framesIn).orElse(0L) == 2);
            assertThat(serverView(lab, key).orElseThrow().framesOut()).isEqualTo(2);
            assertThat(peer.getInputStream().available()).as("nothing but the acks").isZero();
        }
    }

    // 2. The seed 002 C client

    @Test
    void seed002CClientIsCountedThenSweptWhenItFallsSilentWithItsSocketOpen() throws Exception {
        int beacons = 5;
        try (Lab lab = startLab(new SweepParams(SHORT_SWEEP, SHORT_SWEEP_MISSES), List.of())) {
            SeedProcess client = SeedProcess.start("seed002_client", "127.0.0.1",
                    Integer.toString(lab.server().port()), "200", Integer.toString(beacons));
            try {
                client.awaitLine(Duration.ofSeconds(10), "connected"::equals);
                // The sweep closes it at least (m-1) sweeps after its last beacon: time enough to see the count.
                EndpointView counted = await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
                        .until(() -> lab.telemetry().snapshot().serverConnections().stream()
                                .filter(v -> v.framesIn() == beacons).findFirst(), Optional::isPresent)
                        .orElseThrow();
                String key = counted.connection();
                assertThat(key).startsWith("peer@127.0.0.1:");
                assertThat(counted.online()).isTrue();

                LabEvent detected = awaitEvent(lab, EventKind.DETECTED, key);
                assertThat(client.isAlive()).as("the C client is still running, its socket open").isTrue();
                assertThat(client.lines()).as("it fell silent before the sweep closed it")
                        .contains("beacon " + beacons, "silent").doesNotContain("beacon " + (beacons + 1));

                assertThat(detected.side()).isEqualTo(Side.SERVER);
                assertThat(detected.cause()).isEqualTo(Cause.SERVER_SWEEP);
                long sweepMs = SHORT_SWEEP.toMillis();
                assertThat(detected.predictedMs()).as("the m-th sweep after the last beacon")
                        .isNotNull()
                        .isBetween((SHORT_SWEEP_MISSES - 1) * sweepMs, SHORT_SWEEP_MISSES * sweepMs);
                assertThat(detected.measuredMs()).isNotNull()
                        .isCloseTo(detected.predictedMs(), within(100L));
                assertThat(awaitEvent(lab, EventKind.DISCONNECTED, key).cause()).isEqualTo(Cause.SERVER_SWEEP);
                assertThat(lab.server().connections()).as("closed on the server").isEmpty();
            } finally {
                client.close();
            }
        }
    }

    // 4. Bad frames close only their own connection

    @Test
    void badFramesCloseOnlyTheirConnectionAndNameTheProblem() throws Exception {
        Profile healthy = Profile.of(ProfileKind.APP_HEARTBEAT, Presets.teaching());
        try (Lab lab = startLab(Presets.teaching().sweep(), List.of(new ClientGroup("healthy", 3, healthy)))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> lab.telemetry().snapshot().clients().stream()
                    .filter(c -> c.online() && c.acksReceived() >= 2).count() == 3);
            long acksBefore = lab.telemetry().snapshot().clients().stream()
                    .mapToLong(EndpointView::acksReceived).min().orElseThrow();

            record Bad(String what, byte[] header, String reason) { }
            List<Bad> bads = List.of(
                    new Bad("unknown type 7", header(7, 8), "unknown frame type 7 (header 0700000008000000)"),
                    new Bad("negative length", header(0, -5), "negative frame length -5 (header 00000000fbffffff)"),
                    new Bad("length over 64 KiB", header(2, 64 * 1024 + 1),
                            "frame length 65537 exceeds the maximum of 65536 bytes"));
            for (Bad bad : bads) {
                try (Socket raw = rawPeer(lab)) {
                    String key = serverKey(raw);
                    // Only the header: the oversized frame must be refused before its payload arrives.
                    raw.getOutputStream().write(bad.header());
                    raw.getOutputStream().flush();
                    assertClosedByServer(raw);
                    LabEvent error = awaitEvent(lab, EventKind.PROTOCOL_ERROR, key);
                    assertThat(error.side()).as(bad.what()).isEqualTo(Side.SERVER);
                    assertThat(error.cause()).as(bad.what()).isEqualTo(Cause.PROTOCOL_ERROR);
                    assertThat(error.detail()).as(bad.what()).isEqualTo(bad.reason());
                    assertThat(awaitEvent(lab, EventKind.DISCONNECTED, key).cause()).as(bad.what())
                            .isEqualTo(Cause.PROTOCOL_ERROR);
                }
            }

            // The healthy clients went on being answered through all of it.
            await().atMost(Duration.ofSeconds(10)).until(() -> lab.telemetry().snapshot().clients().stream()
                    .allMatch(c -> c.acksReceived() >= acksBefore + 3));
            assertThat(lab.telemetry().snapshot().clients()).hasSize(3).allSatisfy(c -> {
                assertThat(c.state()).as(c.client()).isEqualTo(ClientState.UP);
                assertThat(c.online()).as(c.client()).isTrue();
                assertThat(c.connections()).as("%s never reconnected", c.client()).isEqualTo(1);
                assertThat(c.reconnectAttempts()).as(c.client()).isZero();
                assertThat(c.lastDetection()).as(c.client()).isNull();
            });
            assertThat(lab.telemetry().detections()).isEmpty();
            assertThat(lab.telemetry().events().recent())
                    .noneMatch(e -> e.kind() == EventKind.RECONNECT_ATTEMPT)
                    .filteredOn(e -> e.kind() == EventKind.PROTOCOL_ERROR).hasSize(3);
            assertThat(lab.server().onlineCount()).isEqualTo(3);
        }
    }

    // 5. No heartbeats: keepalive-only clients are spared by the sweep, mute peers are not

    @Test
    void keepaliveClientThatSaidSoInItsHelloIsNotSweptButAMutePeerIs() throws Exception {
        Profile keepaliveOnly = Profile.of(ProfileKind.OS_KEEPALIVE, Presets.teaching());
        assertThat(keepaliveOnly.sendsHeartbeats()).isFalse();
        try (Lab lab = startLab(new SweepParams(SHORT_SWEEP, SHORT_SWEEP_MISSES),
                List.of(new ClientGroup("ka", 1, keepaliveOnly)))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> keepaliveClientHolds(lab));
            try (Socket mute = rawPeer(lab)) {
                String muteKey = serverKey(mute);
                // Ten sweeps of 300 ms: the mute peer is due after three, the keepalive client never.
                await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                        .until(() -> keepaliveClientHolds(lab));

                assertClosedByServer(mute);
                LabEvent swept = awaitEvent(lab, EventKind.DETECTED, muteKey);
                assertThat(swept.side()).isEqualTo(Side.SERVER);
                assertThat(swept.cause()).isEqualTo(Cause.SERVER_SWEEP);
                assertThat(lab.telemetry().detections()).as("the mute peer's is the only detection")
                        .hasSize(1).allSatisfy(d -> assertThat(d.connection()).isEqualTo(muteKey));

                EndpointView client = lab.telemetry().client("ka-1").orElseThrow();
                assertThat(client.heartbeatsSent()).as("the keepalive client sends no heartbeats").isZero();
                EndpointView onServer = lab.telemetry().snapshot().serverConnections().stream()
                        .filter(v -> v.client().equals("ka-1")).findFirst().orElseThrow();
                assertThat(onServer.framesIn()).as("only its HELLO reached the server").isEqualTo(1);
            }
        }
    }

    private static boolean keepaliveClientHolds(Lab lab) {
        Optional<EndpointView> client = lab.telemetry().client("ka-1");
        return client.isPresent()
                && client.get().state() == ClientState.UP
                && client.get().online()
                && client.get().connections() == 1
                && client.get().reconnectAttempts() == 0
                && client.get().lastDetection() == null
                && lab.server().connections().stream().anyMatch(c -> c.id().client().equals("ka-1"));
    }
}
