package lab.heartbeat.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import lab.heartbeat.detect.Presets;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.detect.ProfileKind;
import lab.heartbeat.protocol.FrameDecoder;
import lab.heartbeat.telemetry.EndpointView;
import lab.heartbeat.testing.ProtocolFuzzer;
import lab.heartbeat.transport.ClientState;
import lab.heartbeat.transport.ServerSettings;
import org.junit.jupiter.api.Test;

/**
 * 2,000 seeded fuzz cases against the real server while our own clients run beside them: the
 * malformed frames close only their connections, the hostile but well-formed ones are served, and
 * our clients see no detection and never reconnect. The 10,000-case run is {@code FuzzBenchmark}.
 */
class ProtocolFuzzTest {

    @Test
    void malformedFramesCloseOnlyTheOffendersAndOurClientsSeeNothing() throws Exception {
        Profile healthy = Profile.of(ProfileKind.APP_HEARTBEAT, Presets.teaching());
        ServerSettings server = ServerSettings.defaults().withPort(0).withSweep(Presets.teaching().sweep());
        try (Lab lab = Lab.start(LabConfig.embedded(server, List.of(new ClientGroup("ours", 3, healthy)))
                .withJitterSeed(7L))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> lab.telemetry().snapshot().clients().stream()
                    .filter(c -> c.online() && c.acksReceived() >= 1).count() == 3);

            ProtocolFuzzer.Result result = new ProtocolFuzzer(lab.target(), FrameDecoder.DEFAULT_MAX_FRAME_BYTES, 2026)
                    .run(2_000);

            assertThat(result.failures()).isEmpty();
            assertThat(result.closeNanos()).as("some cases are malformed").hasSizeGreaterThan(1_000);
            assertThat(lab.telemetry().snapshot().clients()).hasSize(3).allSatisfy(c -> {
                assertThat(c.state()).as(c.client()).isEqualTo(ClientState.UP);
                assertThat(c.connections()).as("%s never reconnected", c.client()).isEqualTo(1);
                assertThat(c.lastDetection()).as(c.client()).isNull();
            });
            assertThat(lab.telemetry().detections()).as("no detection anywhere").isEmpty();
            await().atMost(Duration.ofSeconds(10)).until(() -> lab.server().onlineCount() == 3);
            assertThat(lab.telemetry().snapshot().clients()).extracting(EndpointView::acksReceived)
                    .allSatisfy(acks -> assertThat(acks).isPositive());
        }
    }
}
