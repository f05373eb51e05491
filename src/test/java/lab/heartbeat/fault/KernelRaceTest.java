package lab.heartbeat.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import lab.heartbeat.detect.Cause;
import lab.heartbeat.detect.ProfileKind;
import lab.heartbeat.detect.Side;
import lab.heartbeat.lab.FaultRecord;
import lab.heartbeat.lab.Lab;
import lab.heartbeat.lab.Race;
import lab.heartbeat.telemetry.Detection;
import lab.heartbeat.telemetry.EndpointView;
import lab.heartbeat.testing.KernelFaults;
import lab.heartbeat.testing.TeachingLab;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Kernel-true cable pulls, in the private namespace of the kernel-faults test execution: each
 * detector against its theory, and the trap that heartbeats set for keepalive.
 */
@Tag("kernel")
class KernelRaceTest {
    /**
     * Tolerances for a loaded 2-core CI machine. App heartbeat and sweep are our own timers
     * (measured within a few ms here); keepalive and user timeout run on the kernel's timer wheel,
     * which fires up to tens of ms late at each of its steps.
     */
    private static final double OWN_TIMER_TOLERANCE_MS = 100;
    private static final double KERNEL_TIMER_TOLERANCE_MS = 300;

    @BeforeEach
    void kernel() {
        KernelFaults.assumeAvailable();
    }

    private record Expected(String client, Side side, Cause cause, double tolerance) {
    }

    @Test
    void aCablePullOnFourClientsIsDetectedByEachMechanismAsTheoryPredicts() throws Exception {
        Map<String, lab.heartbeat.detect.Profile> groups = new LinkedHashMap<>();
        groups.put("app-heartbeat", TeachingLab.profile(ProfileKind.APP_HEARTBEAT));
        groups.put("os-keepalive", TeachingLab.profile(ProfileKind.OS_KEEPALIVE));
        groups.put("beacon", TeachingLab.profile(ProfileKind.BEACON));
        groups.put("user-timeout", TeachingLab.profile(ProfileKind.USER_TIMEOUT));
        List<Expected> expected = List.of(
                new Expected("app-heartbeat-1", Side.CLIENT, Cause.APP_HEARTBEAT, OWN_TIMER_TOLERANCE_MS),
                new Expected("beacon-1", Side.SERVER, Cause.SERVER_SWEEP, OWN_TIMER_TOLERANCE_MS),
                new Expected("user-timeout-1", Side.CLIENT, Cause.USER_TIMEOUT, KERNEL_TIMER_TOLERANCE_MS),
                new Expected("os-keepalive-1", Side.CLIENT, Cause.OS_KEEPALIVE, KERNEL_TIMER_TOLERANCE_MS));

        try (Lab lab = Lab.start(TeachingLab.config(FaultBackendChoice.KERNEL, groups))) {
            assertThat(lab.faultBackend()).isEqualTo("kernel");
            await().atMost(Duration.ofSeconds(15)).until(() -> TeachingLab.settled(lab, Duration.ofMillis(2500)));

            FaultRecord pull = lab.inject(FaultKind.CABLE_PULL, "all", null);
            assertThat(pull.backend()).isEqualTo("kernel");
            await().atMost(Duration.ofSeconds(12)).until(() -> expected.stream()
                    .allMatch(e -> find(lab, pull, e).isPresent()));

            List<Detection> found = new ArrayList<>();
            for (Expected e : expected) {
                Detection d = find(lab, pull, e).orElseThrow();
                String what = TeachingLab.describe(d, pull.t0Nanos());
                assertThat(d.hasPrediction()).as(what).isTrue();
                assertThat(d.measuredMsAfter(pull.t0Nanos())).as(what)
                        .isCloseTo(d.predictedMsAfter(pull.t0Nanos()), org.assertj.core.data.Offset.offset(e.tolerance()));
                found.add(d);
            }
            List<Detection> byPrediction = found.stream().sorted(Comparator.comparingLong(Detection::predictedAtNanos))
                    .toList();
            for (int i = 1; i < byPrediction.size(); i++) {
                Detection earlier = byPrediction.get(i - 1);
                Detection later = byPrediction.get(i);
                boolean clearlyApart = (later.predictedAtNanos() - earlier.predictedAtNanos()) / 1e6
                        > 2 * KERNEL_TIMER_TOLERANCE_MS;
                if (clearlyApart) {
                    assertThat(earlier.atNanos()).as("predicted order: %s before %s", earlier.cause(), later.cause())
                            .isLessThan(later.atNanos());
                }
            }
            assertThat(found.get(0).atNanos()).as("the app heartbeat notices first")
                    .isEqualTo(found.stream().mapToLong(Detection::atNanos).min().orElseThrow());
        }
    }

    private static Optional<Detection> find(Lab lab, FaultRecord fault, Expected e) {
        return lab.races().stream().filter(r -> r.fault() == fault).findFirst().stream()
                .flatMap(r -> r.detections().stream())
                .filter(d -> d.client().equals(e.client()) && d.side() == e.side() && d.cause() == e.cause())
                .findFirst();
    }

    @Test
    void theTrapHeartbeatsKeepKeepaliveFromEverFiringWhileTheKernelRetransmits() throws Exception {
        // Beacons flow and keepalive is on: after the pull every beacon waits unacknowledged, so the
        // retransmission timer rules and keepalive never probes. Without user timeout, tcp_retries2
        // lets this last about 15 minutes; 20 s of silence shows the point.
        var beaconsWithKeepalive = TeachingLab.profile(ProfileKind.BEACON,
                Map.of("keepaliveIdle", "2s", "keepaliveInterval", "1s", "keepaliveCount", "3"));
        var config = TeachingLab.config(FaultBackendChoice.KERNEL, Map.of("trap", beaconsWithKeepalive));
        config = new lab.heartbeat.lab.LabConfig(config.server().withSweep(null).withKeepalive(null), null,
                config.groups(), config.telemetry(), config.ioThreads(), config.kernelSampleInterval(),
                config.jitterSeed(), FaultBackendChoice.KERNEL, false);
        try (Lab lab = Lab.start(config)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> TeachingLab.settled(lab, Duration.ofSeconds(1)));
            lab.inject(FaultKind.CABLE_PULL, "all", null);

            await().during(Duration.ofSeconds(20)).atMost(Duration.ofSeconds(25))
                    .until(() -> lab.telemetry().client("trap-1").map(EndpointView::online).orElse(false));

            EndpointView trap = lab.telemetry().client("trap-1").orElseThrow();
            assertThat(lab.telemetry().detections()).as("nothing detects the pulled cable").isEmpty();
            assertThat(trap.kernel()).as("the kernel's view is sampled").isNotNull();
            assertThat(trap.kernel().totalRetrans()).as("the kernel retransmits the beacons").isGreaterThan(3);
            assertThat(trap.kernel().probes()).as("and sends no keepalive probe").isZero();
            assertThat(trap.kernel().unacked()).as("with beacons unacknowledged").isPositive();
        }
    }

    @Test
    void plugInBeforeAnyTimeoutLosesNothing() throws Exception {
        Map<String, lab.heartbeat.detect.Profile> groups = new LinkedHashMap<>();
        groups.put("patient", TeachingLab.profile(ProfileKind.APP_HEARTBEAT, Map.of("heartbeatMisses", "20")));
        groups.put("keepalive", TeachingLab.profile(ProfileKind.OS_KEEPALIVE,
                Map.of("keepaliveIdle", "4s")));
        groups.put("timeout", TeachingLab.profile(ProfileKind.USER_TIMEOUT, Map.of("userTimeout", "8s")));
        var config = TeachingLab.config(FaultBackendChoice.KERNEL, groups);
        config = new lab.heartbeat.lab.LabConfig(config.server().withSweep(null).withKeepalive(null), null,
                config.groups(), config.telemetry(), config.ioThreads(), config.kernelSampleInterval(),
                config.jitterSeed(), FaultBackendChoice.KERNEL, false);
        int frames = 25;
        try (Lab lab = Lab.start(config)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> TeachingLab.settled(lab, Duration.ofMillis(500)));
            lab.inject(FaultKind.CABLE_PULL, "all", null);
            for (var c : lab.clients()) {
                for (int i = 0; i < frames; i++) {
                    assertThat(c.sendData(("during the outage " + i).getBytes()).get()).isTrue();
                }
            }
            long pulledAt = lab.telemetry().now();
            await().atMost(Duration.ofSeconds(5)).until(() -> lab.telemetry().now() - pulledAt > 1_500_000_000L);
            lab.plugIn("all");

            await().atMost(Duration.ofSeconds(20)).until(() -> lab.telemetry().snapshot().serverConnections().stream()
                    .mapToLong(EndpointView::dataIn).sum() == (long) frames * groups.size());
            assertThat(lab.telemetry().snapshot().serverConnections()).hasSize(3)
                    .allSatisfy(s -> assertThat(s.dataIn()).as(s.client()).isEqualTo(frames));
            assertThat(lab.telemetry().snapshot().clients()).allSatisfy(c -> {
                assertThat(c.online()).as(c.client()).isTrue();
                assertThat(c.connections()).as(c.client() + " kept its connection").isEqualTo(1);
            });
            assertThat(lab.telemetry().ends()).as("no connection ended").isEmpty();
        }
    }

    @Test
    void oneWayDropsAreSeenByTheSideThatStopsHearing() throws Exception {
        Map<String, lab.heartbeat.detect.Profile> groups = new LinkedHashMap<>();
        groups.put("deaf", TeachingLab.profile(ProfileKind.APP_HEARTBEAT));
        groups.put("mute", TeachingLab.profile(ProfileKind.APP_HEARTBEAT));
        try (Lab lab = Lab.start(TeachingLab.config(FaultBackendChoice.KERNEL, groups))) {
            // Acknowledged heartbeats on both: the whole path works before the fault.
            await().atMost(Duration.ofSeconds(15)).until(() -> TeachingLab.settled(lab, Duration.ofMillis(500))
                    && lab.telemetry().snapshot().clients().stream().allMatch(c -> c.acksReceived() > 0));
            FaultRecord toClient = lab.inject(FaultKind.DROP_TO_CLIENT, "deaf", null);
            FaultRecord toServer = lab.inject(FaultKind.DROP_TO_SERVER, "mute", null);

            // The deaf client's TCP never sees an ACK: its RTO fires, the congestion window falls to one
            // segment and it resends only its oldest unacknowledged heartbeat, so after about one RTO
            // the server hears nothing new from it either and sweeps it too (its FIN waits behind the
            // unacknowledged data). Both races end on both sides; only who notices first differs.
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(Stream.of(races(lab, toClient),
                    races(lab, toServer))).as("both sides of both races").allMatch(r -> has(r, Side.CLIENT,
                    Cause.APP_HEARTBEAT) && has(r, Side.SERVER, Cause.SERVER_SWEEP), "both detect"));
            Race deaf = races(lab, toClient);
            Detection deafClient = first(deaf, Side.CLIENT, Cause.APP_HEARTBEAT);
            Detection deafServer = first(deaf, Side.SERVER, Cause.SERVER_SWEEP);
            assertThat(deafClient.atNanos()).as("the deaf client misses its acks first").isLessThan(deafServer.atNanos());
            double heardAfterT0 = (deafServer.lastReceivedNanos() - toClient.t0Nanos()) / 1e6;
            assertThat(heardAfterT0).as("the server's last new heartbeat from the deaf client, ms after t0: "
                    + "one RTO (200 ms at least) plus at most a heartbeat interval (500 ms) and a loss probe")
                    .isLessThan(1_500);
            Race mute = races(lab, toServer);
            assertThat(first(mute, Side.CLIENT, Cause.APP_HEARTBEAT).atNanos())
                    .as("the mute client's heartbeats never arrive: its acks stop at once, so it notices first too")
                    .isLessThan(first(mute, Side.SERVER, Cause.SERVER_SWEEP).atNanos());
        }
    }

    private static boolean has(Race race, Side side, Cause cause) {
        return race.detections().stream().anyMatch(d -> d.side() == side && d.cause() == cause);
    }

    private static Detection first(Race race, Side side, Cause cause) {
        return race.detections().stream().filter(d -> d.side() == side && d.cause() == cause).findFirst().orElseThrow();
    }

    private static Race races(Lab lab, FaultRecord fault) {
        return lab.races().stream().filter(r -> r.fault() == fault).findFirst().orElseThrow();
    }
}
