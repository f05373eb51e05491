package lab.heartbeat.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import lab.heartbeat.detect.Cause;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.detect.ProfileKind;
import lab.heartbeat.detect.Side;
import lab.heartbeat.lab.FaultRecord;
import lab.heartbeat.lab.Lab;
import lab.heartbeat.lab.Race;
import lab.heartbeat.telemetry.Detection;
import lab.heartbeat.testing.TeachingLab;
import org.junit.jupiter.api.Test;

/** Faults that need no kernel rules: the relay proxy, frozen applications, resets, restarts. */
class InProcessAndProxyFaultTest {

    private static Race race(Lab lab, FaultRecord fault) {
        return lab.races().stream().filter(r -> r.fault() == fault).findFirst().orElseThrow();
    }

    @Test
    void aProxyCablePullIsSeenByTheHeartbeatButNotByKeepaliveAndTheLabSaysWhy() throws Exception {
        Map<String, Profile> groups = new LinkedHashMap<>();
        groups.put("app-heartbeat", TeachingLab.profile(ProfileKind.APP_HEARTBEAT));
        groups.put("os-keepalive", TeachingLab.profile(ProfileKind.OS_KEEPALIVE));
        try (Lab lab = Lab.start(TeachingLab.config(FaultBackendChoice.PROXY, groups))) {
            assertThat(lab.faultBackend()).isEqualTo("proxy");
            assertThat(lab.faultLimitation()).contains("kernels on both sides still acknowledge")
                    .contains("OS keepalive");
            await().atMost(Duration.ofSeconds(15)).until(() -> TeachingLab.settled(lab, Duration.ofMillis(500)));

            FaultRecord pull = lab.inject(FaultKind.CABLE_PULL, "all", null);
            assertThat(pull.backend()).isEqualTo("proxy");
            await().atMost(Duration.ofSeconds(5)).until(() -> race(lab, pull).detections().stream()
                    .anyMatch(d -> d.client().equals("app-heartbeat-1") && d.cause() == Cause.APP_HEARTBEAT));

            // Teaching keepalive would end a dead connection 5 s after its last activity (plus at most
            // 128 ms of timer wheel); 8 s of silence from it says it cannot see the relay's pull.
            // How close the heartbeat lands to its prediction is RaceAccuracyBenchmark's business.
            await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(10)).until(() -> race(lab, pull)
                    .detections().stream().noneMatch(d -> d.client().equals("os-keepalive-1")));
            assertThat(race(lab, pull).detections()).as("reconnected to the relay, cut again, still this race")
                    .anySatisfy(d -> assertThat(d.client().equals("app-heartbeat-1")
                            && race(lab, pull).reconnectedDuringFault(d)).isTrue());
        }
    }

    @Test
    void aFrozenServerIsInvisibleToKeepaliveButNotToTheHeartbeat() throws Exception {
        Map<String, Profile> groups = new LinkedHashMap<>();
        groups.put("both", TeachingLab.profile(ProfileKind.BOTH));
        groups.put("keepalive", TeachingLab.profile(ProfileKind.OS_KEEPALIVE));
        try (Lab lab = Lab.start(TeachingLab.config(FaultBackendChoice.NONE, groups))) {
            await().atMost(Duration.ofSeconds(15)).until(() -> TeachingLab.settled(lab, Duration.ofMillis(500)));

            FaultRecord freeze = lab.inject(FaultKind.FREEZE_SERVER, "all", null);
            assertThat(freeze.backend()).isEqualTo("in-process");
            await().atMost(Duration.ofSeconds(5)).until(() -> race(lab, freeze).detections().stream()
                    .anyMatch(d -> d.client().equals("both-1") && d.cause() == Cause.APP_HEARTBEAT));
            await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(10)).until(() -> race(lab, freeze)
                    .detections().stream().noneMatch(d -> d.cause() == Cause.OS_KEEPALIVE));
            assertThat(lab.telemetry().client("keepalive-1").orElseThrow().online())
                    .as("a hung server still has a kernel that answers keepalive").isTrue();

            lab.unfreeze("all");
            assertThat(freeze.active()).isFalse();
        }
    }

    @Test
    void aFrozenClientIsSweptByTheServer() throws Exception {
        Map<String, Profile> groups = Map.of("hb", TeachingLab.profile(ProfileKind.APP_HEARTBEAT));
        try (Lab lab = Lab.start(TeachingLab.config(FaultBackendChoice.NONE, groups))) {
            await().atMost(Duration.ofSeconds(15)).until(() -> TeachingLab.settled(lab, Duration.ofMillis(500)));
            FaultRecord freeze = lab.inject(FaultKind.FREEZE_CLIENT, "hb", null);
            await().atMost(Duration.ofSeconds(6)).until(() -> race(lab, freeze).detections().stream()
                    .anyMatch(d -> d.side() == Side.SERVER && d.cause() == Cause.SERVER_SWEEP));
            assertThat(race(lab, freeze).detections()).as("the hung client judges nothing")
                    .noneMatch(d -> d.side() == Side.CLIENT);
            lab.unfreeze("hb");
            await().atMost(Duration.ofSeconds(10)).until(() -> lab.telemetry().client("hb-1").orElseThrow()
                    .connections() == 2 && lab.telemetry().client("hb-1").orElseThrow().online());
        }
    }

    @Test
    void aResetEndsTheConnectionAtOnce() throws Exception {
        Map<String, Profile> groups = Map.of("hb", TeachingLab.profile(ProfileKind.APP_HEARTBEAT));
        try (Lab lab = Lab.start(TeachingLab.config(FaultBackendChoice.NONE, groups))) {
            await().atMost(Duration.ofSeconds(15)).until(() -> TeachingLab.settled(lab, Duration.ofMillis(300)));
            FaultRecord reset = lab.inject(FaultKind.RESET, "hb", null);
            await().atMost(Duration.ofSeconds(2)).until(() -> race(lab, reset).entries().stream()
                    .anyMatch(d -> d.side() == Side.CLIENT));
            Detection end = race(lab, reset).entries().stream().filter(d -> d.side() == Side.CLIENT).findFirst()
                    .orElseThrow();
            assertThat(end.cause()).isEqualTo(Cause.RESET);
            assertThat(end.measuredMsAfter(reset.t0Nanos())).as("immediate").isLessThan(100);
            await().atMost(Duration.ofSeconds(5)).until(() -> lab.telemetry().client("hb-1").orElseThrow()
                    .connections() == 2);
        }
    }

    @Test
    void aServerRestartIsARaceOfPeerClosesThenBackoff() throws Exception {
        Map<String, Profile> groups = Map.of("hb", TeachingLab.profile(ProfileKind.APP_HEARTBEAT));
        try (Lab lab = Lab.start(TeachingLab.config(FaultBackendChoice.NONE, groups))) {
            await().atMost(Duration.ofSeconds(15)).until(() -> TeachingLab.settled(lab, Duration.ofMillis(300)));
            FaultRecord restart = lab.restartServer(Duration.ofMillis(300));
            assertThat(restart.kind()).isEqualTo(FaultKind.SERVER_RESTART);
            assertThat(restart.active()).isFalse();
            assertThat(race(lab, restart).entries()).extracting(Detection::cause)
                    .contains(Cause.PEER_CLOSED, Cause.LOCAL_CLOSE);
            await().atMost(Duration.ofSeconds(10)).until(() -> lab.telemetry().client("hb-1").orElseThrow()
                    .connections() == 2 && lab.telemetry().client("hb-1").orElseThrow().online());
            assertThat(lab.telemetry().client("hb-1").orElseThrow().reconnectAttempts()).isPositive();
        }
    }

    @Test
    void aFaultTheBackendCannotMakeIsRefusedWithTheReason() throws Exception {
        Map<String, Profile> groups = Map.of("hb", TeachingLab.profile(ProfileKind.APP_HEARTBEAT));
        try (Lab lab = Lab.start(TeachingLab.config(FaultBackendChoice.NONE, groups))) {
            assertThat(lab.whyUnavailable(FaultKind.CABLE_PULL)).contains("none");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> lab.inject(FaultKind.CABLE_PULL, "all", null))
                    .isInstanceOf(FaultException.class).hasMessageContaining("cable-pull is unavailable");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> lab.inject(FaultKind.RESET, "nobody", null))
                    .isInstanceOf(FaultException.class).hasMessageContaining("no client matches 'nobody'");
        }
    }
}
