package lab.heartbeat.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.heartbeat.detect.Cause;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.detect.ProfileKind;
import lab.heartbeat.detect.Side;
import lab.heartbeat.lab.FaultRecord;
import lab.heartbeat.lab.Lab;
import lab.heartbeat.lab.LabConfig;
import lab.heartbeat.telemetry.ConnectionData;
import lab.heartbeat.telemetry.DataCount;
import lab.heartbeat.telemetry.Detection;
import lab.heartbeat.testing.KernelFaults;
import lab.heartbeat.testing.TeachingLab;
import lab.heartbeat.transport.ReconnectingClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * DATA across a kernel cable pull: the client whose app heartbeat gives up takes the frames it sent
 * during the pull down with its connection; the keepalive client's connection outlives the pull and
 * the kernel delivers every frame after the plug-in.
 */
@Tag("kernel")
class KernelDataTest {
    private static final int BEFORE = 5;
    private static final int DURING = 20;

    @BeforeEach
    void kernel() {
        KernelFaults.assumeAvailable();
    }

    @Test
    void dataSentDuringAPullIsDeliveredOrLostWithTheConnectionThatGaveUp() throws Exception {
        Map<String, Profile> groups = new LinkedHashMap<>();
        groups.put("hb", TeachingLab.profile(ProfileKind.APP_HEARTBEAT));
        groups.put("ka", TeachingLab.profile(ProfileKind.OS_KEEPALIVE, Map.of("keepaliveIdle", "10s")));
        LabConfig teaching = TeachingLab.config(FaultBackendChoice.KERNEL, groups);
        // The server's sweep closes the app-heartbeat connection during the pull, so nothing of it can
        // arrive after the plug-in; without server keepalive the keepalive client's connection survives.
        LabConfig config = new LabConfig(teaching.server().withKeepalive(null), null, teaching.groups(),
                teaching.telemetry(), teaching.ioThreads(), teaching.kernelSampleInterval(), teaching.jitterSeed(),
                FaultBackendChoice.KERNEL, false);
        try (Lab lab = Lab.start(config)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> TeachingLab.settled(lab, Duration.ofMillis(500)));
            send(lab.clients(), BEFORE, "before");
            await().atMost(Duration.ofSeconds(10)).until(() -> data(lab, "hb-1").delivered() == BEFORE
                    && data(lab, "ka-1").delivered() == BEFORE);

            FaultRecord pull = lab.inject(FaultKind.CABLE_PULL, "all", null);
            assertThat(pull.backend()).isEqualTo("kernel");
            send(lab.clients(), DURING, "during the pull");
            await().atMost(Duration.ofSeconds(20)).until(() -> ended(lab, pull, Side.CLIENT, Cause.APP_HEARTBEAT)
                    && ended(lab, pull, Side.SERVER, Cause.SERVER_SWEEP));
            assertThat(data(lab, "hb-1")).as("the pulled connection ended short of %d frames", DURING)
                    .isEqualTo(new DataCount(BEFORE + DURING, BEFORE, DURING));
            lab.plugIn("all");

            await().atMost(Duration.ofSeconds(30)).until(() -> data(lab, "ka-1").delivered() == BEFORE + DURING);
            assertThat(data(lab, "ka-1")).isEqualTo(new DataCount(BEFORE + DURING, BEFORE + DURING, 0));
            assertThat(lab.telemetry().client("ka-1").orElseThrow().connections()).as("ka-1 kept its connection")
                    .isEqualTo(1);
            assertThat(data(lab, "hb-1")).as("nothing of the dead connection arrives after the plug-in")
                    .isEqualTo(new DataCount(BEFORE + DURING, BEFORE, DURING));

            List<ConnectionData> hit = lab.telemetry().dataByConnection().stream()
                    .filter(c -> pull.targets(c.client()) && c.openAt(pull.t0Nanos())).toList();
            assertThat(hit).extracting(ConnectionData::client).containsExactlyInAnyOrder("hb-1", "ka-1");
            assertThat(DataCount.of(hit)).as("the fault's DATA")
                    .isEqualTo(new DataCount(2 * (BEFORE + DURING), 2 * BEFORE + DURING, DURING));
        }
    }

    private static void send(List<ReconnectingClient> clients, int frames, String when) throws Exception {
        for (ReconnectingClient c : clients) {
            for (int i = 0; i < frames; i++) {
                assertThat(c.sendData((when + " " + i).getBytes(StandardCharsets.UTF_8)).get()).as(c.name()).isTrue();
            }
        }
    }

    private static DataCount data(Lab lab, String client) {
        return lab.telemetry().client(client).orElseThrow().data();
    }

    private static boolean ended(Lab lab, FaultRecord fault, Side side, Cause cause) {
        return lab.races().stream().filter(r -> r.fault() == fault).flatMap(r -> r.entries().stream())
                .anyMatch((Detection d) -> d.client().equals("hb-1") && d.side() == side && d.cause() == cause);
    }
}
