/*
 * How close measured detections come to theory, over repeated kernel-true cable pulls of the four
 * teaching clients (a test-scope main, not a JUnit test). Run it in a private namespace:
 *
 *   mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 *   src/test/netns/bin/java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *       lab.heartbeat.bench.RaceAccuracyBenchmark 20
 *
 * Prints, per mechanism and side, p50, p99 and the worst |measured - predicted| in ms, and the
 * measured delays after t0.
 */
package lab.heartbeat.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import lab.heartbeat.detect.Presets;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.detect.ProfileKind;
import lab.heartbeat.fault.FaultBackendChoice;
import lab.heartbeat.fault.FaultKind;
import lab.heartbeat.lab.ClientGroup;
import lab.heartbeat.lab.FaultRecord;
import lab.heartbeat.lab.Lab;
import lab.heartbeat.lab.LabConfig;
import lab.heartbeat.lab.Race;
import lab.heartbeat.telemetry.Detection;
import lab.heartbeat.telemetry.EndpointView;
import lab.heartbeat.transport.ServerSettings;

/** Repeats the teaching race and prints the error of each detector against its prediction. */
public final class RaceAccuracyBenchmark {
    private static final List<ProfileKind> KINDS = List.of(ProfileKind.APP_HEARTBEAT, ProfileKind.OS_KEEPALIVE,
            ProfileKind.BEACON, ProfileKind.USER_TIMEOUT);

    private RaceAccuracyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Map<String, List<double[]>> samples = new TreeMap<>();
        for (int run = 1; run <= runs; run++) {
            List<ClientGroup> groups = new ArrayList<>();
            for (ProfileKind k : KINDS) {
                groups.add(new ClientGroup(k.label(), 1, Profile.of(k, Presets.teaching())));
            }
            ServerSettings server = ServerSettings.defaults().withPort(0).withSweep(Presets.teaching().sweep())
                    .withKeepalive(Presets.teaching().serverKeepalive());
            LabConfig config = LabConfig.embedded(server, groups).withFaults(FaultBackendChoice.KERNEL, false)
                    .withKernelSampleInterval(Duration.ofMillis(100));
            try (Lab lab = Lab.start(config)) {
                waitUntil("every client up",
                        () -> lab.telemetry().snapshot().clients().stream().allMatch(EndpointView::online), 15);
                // A random settle time puts the pull at a different phase of every timer each run.
                TimeUnit.MILLISECONDS.sleep(2500 + ThreadLocalRandom.current().nextInt(1000));
                FaultRecord pull = lab.inject(FaultKind.CABLE_PULL, "all", null);
                // Every end of the race: the app heartbeat, user timeout and keepalive on the clients,
                // keepalive on the server, and the sweep of the three connections that keepalive
                // does not hold open.
                waitUntil("seven detections", () -> race(lab, pull).detections().size() >= 7, 15);
                Race race = race(lab, pull);
                StringBuilder line = new StringBuilder(String.format("run %2d:", run));
                for (Detection d : race.detections()) {
                    if (!d.hasPrediction()) {
                        continue;
                    }
                    String key = d.mechanism().label() + " (" + d.side().label() + ")";
                    samples.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(new double[] {race.measuredMs(d), race.predictedMs(d)});
                    line.append(String.format(" %s %+.0f", key, race.measuredMs(d) - race.predictedMs(d)));
                }
                System.out.println(line);
            }
        }
        System.out.printf("%n%-28s %5s %10s %10s %10s %22s%n", "mechanism (side)", "n", "p50 |err|", "p99 |err|",
                "max |err|", "measured after t0 (ms)");
        for (var e : samples.entrySet()) {
            double[] errors = e.getValue().stream().mapToDouble(s -> Math.abs(s[0] - s[1])).sorted().toArray();
            double[] measured = e.getValue().stream().mapToDouble(s -> s[0]).sorted().toArray();
            System.out.printf("%-28s %5d %10.1f %10.1f %10.1f %10.0f .. %6.0f%n", e.getKey(), errors.length,
                    pct(errors, 50), pct(errors, 99), errors[errors.length - 1], measured[0],
                    measured[measured.length - 1]);
        }
    }

    private static Race race(Lab lab, FaultRecord f) {
        return lab.races().stream().filter(r -> r.fault() == f).findFirst().orElseThrow();
    }

    /** Nearest-rank percentile. */
    private static double pct(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static void waitUntil(String what, java.util.function.BooleanSupplier done, int seconds) {
        if (!Waits.until(what, Duration.ofSeconds(seconds), Duration.ofMillis(20), done, null)) {
            throw new IllegalStateException("timed out waiting for " + what);
        }
    }

}
