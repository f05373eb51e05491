package lab.heartbeat.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import lab.heartbeat.detect.ProfileKind;
import lab.heartbeat.fault.FaultBackendChoice;
import lab.heartbeat.fault.FaultKind;
import lab.heartbeat.fault.Latency;
import lab.heartbeat.testing.Promtool;
import lab.heartbeat.testing.Scrape;
import lab.heartbeat.testing.TeachingLab;
import org.junit.jupiter.api.Test;

/** A lab's metrics over HTTP while a scenario runs: a cable pull moves the detection counters. */
class LabMetricsTest {

    @Test
    void aCablePullGivesDetectionsWithTheirSideAndMechanism() throws Exception {
        LabConfig config = TeachingLab.config(FaultBackendChoice.PROXY,
                Map.of("hb", TeachingLab.profile(ProfileKind.APP_HEARTBEAT)));
        try (Lab lab = Lab.start(config);
                LabMetrics metrics = LabMetrics.serve(lab, new InetSocketAddress("127.0.0.1", 0))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> TeachingLab.settled(lab, Duration.ofSeconds(1)));
            Scrape before = Scrape.of(metrics.port());
            assertThat(before.value("heartbeat_lab_detections_total", "side", "client", "mechanism", "app-heartbeat"))
                    .isZero();
            assertThat(before.value("heartbeat_lab_clients", "group", "hb", "profile",
                    TeachingLab.profile(ProfileKind.APP_HEARTBEAT).name(), "state", "up")).isEqualTo(1);
            assertThat(before.value("heartbeat_lab_server_connections")).isEqualTo(1);
            Promtool.check(before.text());

            lab.inject(FaultKind.CABLE_PULL, "all", Latency.NONE);

            await().atMost(Duration.ofSeconds(20)).until(() -> Scrape.of(metrics.port())
                    .value("heartbeat_lab_detections_total", "side", "client", "mechanism", "app-heartbeat") >= 1);
            Scrape after = Scrape.of(metrics.port());
            assertThat(after.value("heartbeat_lab_faults_total", "kind", "cable-pull", "backend", "proxy"))
                    .isEqualTo(1);
            assertThat(after.value("heartbeat_lab_detection_delay_seconds_count", "side", "client", "mechanism",
                    "app-heartbeat")).isGreaterThanOrEqualTo(1);
            assertThat(after.value("heartbeat_lab_heartbeats_sent_total", "group", "hb", "profile",
                    TeachingLab.profile(ProfileKind.APP_HEARTBEAT).name())).isGreaterThan(0);
            assertThat(after.text()).as("the client library's JVM metrics").contains("jvm_memory_used_bytes");
            Promtool.check(after.text());
        }
    }
}
