package lab.heartbeat.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.concurrent.MockTicker;
import io.netty.util.concurrent.Ticker;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import lab.heartbeat.detect.Cause;
import lab.heartbeat.detect.Prediction;
import lab.heartbeat.detect.Presets;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.detect.ProfileKind;
import lab.heartbeat.detect.Side;
import lab.heartbeat.protocol.FrameType;
import lab.heartbeat.testing.Promtool;
import lab.heartbeat.testing.Scrape;
import lab.heartbeat.transport.ClientState;
import lab.heartbeat.transport.Closure;
import lab.heartbeat.transport.ConnectionId;
import lab.heartbeat.transport.ConnectionObserver;
import lab.heartbeat.transport.KernelTcpInfo;
import org.junit.jupiter.api.Test;

/** The telemetry's Prometheus metrics, driven through the observers the transport calls. */
class TelemetryMetricsTest {
    private static final Profile APP = Profile.of(ProfileKind.APP_HEARTBEAT, Presets.teaching());
    private static final String PROFILE = APP.name();

    private static ConnectionObserver open(Telemetry t, String client, int port) {
        ConnectionObserver obs = t.connectionOpened(new ConnectionId(Side.CLIENT, client, port), "127.0.0.1:" + port,
                t.now());
        obs.connected(t.now());
        return obs;
    }

    private static KernelTcpInfo kernel(int probes, long totalRetrans) {
        return new KernelTcpInfo(1, probes, 0, totalRetrans, 0, 100, 200_000, 0, 0, 0);
    }

    @Test
    void countersAreSummedByGroupAndProfileAndNeverGoDownWhenAClientGoes() throws Exception {
        MockTicker ticker = Ticker.newMockTicker();
        PrometheusRegistry registry = new PrometheusRegistry();
        try (Telemetry t = new Telemetry(TelemetryConfig.countersOnly(), ticker)) {
            TelemetryMetrics.register(t, registry, true);
            t.clientAdded("hb-1", "hb", APP);
            t.clientAdded("hb-2", "hb", APP);
            for (String client : new String[] {"hb-1", "hb-2"}) {
                ConnectionObserver obs = open(t, client, client.equals("hb-1") ? 40_001 : 40_002);
                obs.frameSent(FrameType.HEARTBEAT, 8, t.now());
                obs.frameSent(FrameType.HEARTBEAT, 8, t.now());
                obs.heartbeatAcked(2_000_000);
                obs.missesChanged(1);
                obs.missesChanged(2);
                obs.missesChanged(0);
                obs.missesChanged(1);
            }
            t.clientStateChanged("hb-1", ClientState.UP, t.now());

            Scrape before = Scrape.of(registry);
            assertThat(before.value("heartbeat_lab_heartbeats_sent_total", "group", "hb", "profile", PROFILE))
                    .isEqualTo(4);
            assertThat(before.value("heartbeat_lab_heartbeats_acked_total", "group", "hb", "profile", PROFILE))
                    .isEqualTo(2);
            assertThat(before.value("heartbeat_lab_heartbeat_misses_total", "group", "hb", "profile", PROFILE))
                    .as("each miss counted once, a reset to 0 is no miss").isEqualTo(6);
            assertThat(before.value("heartbeat_lab_clients", "group", "hb", "profile", PROFILE, "state", "up"))
                    .isEqualTo(1);
            assertThat(before.value("heartbeat_lab_clients", "group", "hb", "profile", PROFILE, "state",
                    "connecting")).isEqualTo(1);
            assertThat(before.value("heartbeat_lab_rtt_seconds_bucket", "group", "hb", "le", "0.001")).isZero();
            assertThat(before.value("heartbeat_lab_rtt_seconds_bucket", "group", "hb", "le", "0.0025")).isEqualTo(2);
            assertThat(before.value("heartbeat_lab_rtt_seconds_count", "group", "hb")).isEqualTo(2);
            Promtool.check(before.text());

            t.clientRemoved("hb-1");

            Scrape after = Scrape.of(registry);
            assertThat(after.value("heartbeat_lab_heartbeats_sent_total", "group", "hb", "profile", PROFILE))
                    .isEqualTo(4);
            assertThat(after.value("heartbeat_lab_heartbeat_misses_total", "group", "hb", "profile", PROFILE))
                    .isEqualTo(6);
            assertThat(after.value("heartbeat_lab_rtt_seconds_count", "group", "hb")).isEqualTo(2);
            assertThat(after.value("heartbeat_lab_clients", "group", "hb", "profile", PROFILE, "state", "up"))
                    .isZero();
        }
    }

    @Test
    void kernelRetransmitsAndProbesAddWhatEachReadingShowsBeyondTheLast() throws Exception {
        PrometheusRegistry registry = new PrometheusRegistry();
        try (Telemetry t = new Telemetry(TelemetryConfig.countersOnly(), Ticker.newMockTicker())) {
            TelemetryMetrics.register(t, registry, true);
            t.clientAdded("ka-1", "ka", APP);
            ConnectionObserver first = open(t, "ka-1", 40_001);
            first.kernelSampled(kernel(1, 2));
            first.kernelSampled(kernel(2, 5));
            first.kernelSampled(kernel(0, 5));
            first.kernelSampled(kernel(1, 5));
            first.closed(new Closure(Cause.OS_KEEPALIVE, "ETIMEDOUT", t.now(), t.now(), Prediction.NONE,
                    kernel(1, 7)));
            ConnectionObserver second = open(t, "ka-1", 40_002);
            second.kernelSampled(kernel(0, 1));

            Scrape s = Scrape.of(registry);
            assertThat(s.value("heartbeat_lab_kernel_retransmits_total", "group", "ka")).isEqualTo(8);
            assertThat(s.value("heartbeat_lab_kernel_probes_total", "group", "ka")).isEqualTo(3);
        }
    }

    @Test
    void aDetectionCountsWithItsSideAndMechanismAndItsErrorAgainstTheory() throws Exception {
        MockTicker ticker = Ticker.newMockTicker();
        PrometheusRegistry registry = new PrometheusRegistry();
        try (Telemetry t = new Telemetry(TelemetryConfig.countersOnly(), ticker)) {
            TelemetryMetrics.register(t, registry, true);
            t.clientAdded("hb-1", "hb", APP);
            long t0 = t.now();
            ConnectionObserver obs = open(t, "hb-1", 40_001);
            obs.closed(new Closure(Cause.APP_HEARTBEAT, "no frame for 3 intervals", t0 + 1_540_000_000L, t0,
                    Prediction.point(t0 + 1_500_000_000L), null));
            t.events().flush();

            Scrape s = Scrape.of(registry);
            assertThat(s.value("heartbeat_lab_detections_total", "side", "client", "mechanism", "app-heartbeat"))
                    .isEqualTo(1);
            assertThat(s.value("heartbeat_lab_detections_total", "side", "server", "mechanism", "server-sweep"))
                    .isZero();
            assertThat(s.value("heartbeat_lab_detection_delay_seconds_sum", "side", "client", "mechanism",
                    "app-heartbeat")).isEqualTo(1.54);
            assertThat(s.value("heartbeat_lab_detection_error_seconds_bucket", "side", "client", "mechanism",
                    "app-heartbeat", "le", "0.025")).isZero();
            assertThat(s.value("heartbeat_lab_detection_error_seconds_bucket", "side", "client", "mechanism",
                    "app-heartbeat", "le", "0.05")).isEqualTo(1);
            assertThat(s.value("heartbeat_lab_connection_ends_total", "side", "client", "cause", "app-heartbeat"))
                    .isEqualTo(1);
            Promtool.check(s.text());
        }
    }

    @Test
    void dataLostIsARunningTotalThatStaysWhenTheServerCountsLateOrTheClientGoes() throws Exception {
        PrometheusRegistry registry = new PrometheusRegistry();
        try (Telemetry t = new Telemetry(TelemetryConfig.countersOnly(), Ticker.newMockTicker())) {
            TelemetryMetrics.register(t, registry, true);
            t.clientAdded("hb-1", "hb", APP);
            ConnectionObserver client = open(t, "hb-1", 40_001);
            ConnectionObserver server = t.connectionOpened(new ConnectionId(Side.SERVER, "hb-1", 40_001),
                    "127.0.0.1:40001", t.now());
            server.connected(t.now());
            for (int i = 0; i < 5; i++) {
                client.frameSent(FrameType.DATA, 20, t.now());
            }
            server.frameReceived(FrameType.DATA, 20, t.now());
            assertThat(Scrape.of(registry).value("heartbeat_lab_data_frames_total", "outcome", "lost"))
                    .as("4 in flight, none lost yet").isZero();

            client.closed(new Closure(Cause.LOCAL_CLOSE, "test", t.now(), t.now(), Prediction.NONE, null));
            Scrape ended = Scrape.of(registry);
            assertThat(ended.value("heartbeat_lab_data_frames_total", "outcome", "lost")).isEqualTo(4);
            assertThat(ended.value("heartbeat_lab_data_frames_total", "outcome", "sent")).isEqualTo(5);
            Promtool.check(ended.text());

            server.frameReceived(FrameType.DATA, 20, t.now());
            assertThat(Scrape.of(registry).value("heartbeat_lab_data_frames_total", "outcome", "lost"))
                    .as("a counter never goes down").isEqualTo(4);
            t.clientRemoved("hb-1");
            assertThat(Scrape.of(registry).value("heartbeat_lab_data_frames_total", "outcome", "lost")).isEqualTo(4);
        }
    }

    @Test
    void withoutTheServerInTheProcessNoFrameIsCalledLost() throws Exception {
        PrometheusRegistry registry = new PrometheusRegistry();
        try (Telemetry t = new Telemetry(TelemetryConfig.countersOnly(), Ticker.newMockTicker())) {
            TelemetryMetrics.register(t, registry, false);
            t.clientAdded("hb-1", "hb", APP);
            ConnectionObserver client = open(t, "hb-1", 40_001);
            client.frameSent(FrameType.DATA, 20, t.now());
            client.closed(new Closure(Cause.LOCAL_CLOSE, "test", t.now(), t.now(), Prediction.NONE, null));
            Scrape s = Scrape.of(registry);
            assertThat(s.value("heartbeat_lab_data_frames_total", "outcome", "sent")).isEqualTo(1);
            assertThat(s.text()).doesNotContain("outcome=\"lost\"");
        }
    }
}
