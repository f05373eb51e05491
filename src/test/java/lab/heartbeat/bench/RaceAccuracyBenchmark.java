/*
 * How close measured detections come to theory, over repeated kernel-true cable pulls (a test-scope
 * main, not a JUnit test), per preset: the teaching preset's four clients, and an os-keepalive and a
 * user-timeout client on the seed-001 and seed-004 presets; then proxy pulls of the teaching
 * app-heartbeat client. Run it in a private namespace:
 *
 *   mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 *   src/test/netns/bin/java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *       lab.heartbeat.bench.RaceAccuracyBenchmark 20 10
 *
 * (runs on teaching, runs on each seed preset). Prints, per preset, mechanism and side: how many
 * detections fell inside the timer wheel's window, the window (ms after the old point theory, its lower
 * end), where the measured delays fell in it, and p50, p99 and the worst |measured - predicted point|.
 */
package lab.heartbeat.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import lab.heartbeat.detect.KernelHz;
import lab.heartbeat.detect.Preset;
import lab.heartbeat.detect.Presets;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.detect.ProfileKind;
import lab.heartbeat.detect.Side;
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

/** Repeats cable pulls per preset and prints each detector's error against its prediction and window. */
public final class RaceAccuracyBenchmark {
    private static final List<ProfileKind> TEACHING_KINDS = List.of(ProfileKind.APP_HEARTBEAT,
            ProfileKind.OS_KEEPALIVE, ProfileKind.BEACON, ProfileKind.USER_TIMEOUT);
    private static final List<ProfileKind> KERNEL_KINDS = List.of(ProfileKind.OS_KEEPALIVE, ProfileKind.USER_TIMEOUT);

    /** One detection: measured, predicted point and window, all in ms after t0; a point's window is itself. */
    private record Sample(double measured, double point, double lo, double hi) {
        boolean isWindow() {
            return hi > lo;
        }

        boolean inside() {
            return !isWindow() || measured >= lo && measured <= hi;
        }
    }

    private RaceAccuracyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int teachingRuns = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int seedRuns = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        System.out.println(KernelHz.running().note());
        Map<String, List<Sample>> samples = new TreeMap<>();
        race(Presets.teaching(), TEACHING_KINDS, FaultBackendChoice.KERNEL, teachingRuns, samples);
        race(Presets.byName("seed-001"), KERNEL_KINDS, FaultBackendChoice.KERNEL, seedRuns, samples);
        race(Presets.byName("seed-004"), KERNEL_KINDS, FaultBackendChoice.KERNEL, seedRuns, samples);
        race(Presets.teaching(), List.of(ProfileKind.APP_HEARTBEAT), FaultBackendChoice.PROXY, seedRuns, samples);
        System.out.printf("%n%-44s %4s %7s %14s %14s %8s %8s %8s%n", "preset backend: mechanism (side)", "n",
                "inside", "window", "measured", "p50|err|", "p99|err|", "max|err|");
        System.out.printf("%-44s %4s %7s %14s %14s %8s %8s %8s%n", "", "", "", "(ms after lo)", "(ms after lo)", "(ms)",
                "(ms)", "(ms)");
        for (var e : samples.entrySet()) {
            List<Sample> s = e.getValue();
            double[] errors = s.stream().mapToDouble(x -> Math.abs(x.measured() - x.point())).sorted().toArray();
            double[] late = s.stream().mapToDouble(x -> x.measured() - x.lo()).sorted().toArray();
            double width = s.stream().mapToDouble(x -> x.hi() - x.lo()).max().orElse(0);
            boolean windows = s.stream().anyMatch(Sample::isWindow);
            System.out.printf("%-44s %4d %7s %14s %14s %8.1f %8.1f %8.1f%n", e.getKey(), s.size(),
                    windows ? s.stream().filter(Sample::inside).count() + "/" + s.size() : "-",
                    windows ? String.format("0..%.0f", width) : "(a point)",
                    String.format("%.0f..%.0f", late[0], late[late.length - 1]), pct(errors, 50), pct(errors, 99),
                    errors[errors.length - 1]);
        }
    }

    private static void race(Preset preset, List<ProfileKind> kinds, FaultBackendChoice backend, int runs,
            Map<String, List<Sample>> samples) throws Exception {
        for (int run = 1; run <= runs; run++) {
            List<ClientGroup> groups = new ArrayList<>();
            for (ProfileKind k : kinds) {
                groups.add(new ClientGroup(k.label(), 1, Profile.of(k, preset)));
            }
            ServerSettings server = ServerSettings.defaults().withPort(0).withSweep(preset.sweep())
                    .withKeepalive(preset.serverKeepalive());
            LabConfig config = LabConfig.embedded(server, groups).withFaults(backend, false)
                    .withKernelSampleInterval(Duration.ofMillis(100));
            try (Lab lab = Lab.start(config)) {
                waitUntil("every client up",
                        () -> lab.telemetry().snapshot().clients().stream().allMatch(EndpointView::online), 15);
                // A random settle time puts the pull at a different phase of every timer each run.
                TimeUnit.MILLISECONDS.sleep(2500 + ThreadLocalRandom.current().nextInt(1000));
                FaultRecord pull = lab.inject(FaultKind.CABLE_PULL, "all", null);
                // Every client's own detection and the server's end of each connection.
                int judges = (int) kinds.stream().filter(k -> k != ProfileKind.BEACON).count();
                if (!Waits.until("every end", Duration.ofSeconds(60), Duration.ofMillis(20),
                        () -> allEnded(race(lab, pull), judges, kinds.size()), () -> ends(race(lab, pull)))) {
                    throw new IllegalStateException("timed out waiting for every end");
                }
                Race race = race(lab, pull);
                StringBuilder line = new StringBuilder(String.format("%s %s run %2d:", preset.name(), lab.faultBackend(),
                        run));
                for (Detection d : race.detections()) {
                    if (!d.hasPrediction()) {
                        continue;
                    }
                    String key = preset.name() + " " + lab.faultBackend() + ": " + d.mechanism().label() + " ("
                            + d.side().label() + ")";
                    Sample s = new Sample(race.measuredMs(d), race.predictedMs(d), d.predictedLoMsAfter(pull.t0Nanos()),
                            d.predictedHiMsAfter(pull.t0Nanos()));
                    samples.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
                    line.append(String.format(" %s/%s %+.0f%s", d.mechanism().label(), d.side().label(),
                            s.measured() - s.point(), s.inside() ? "" : " OUTSIDE"));
                }
                System.out.println(line);
            }
        }
    }

    /** Whether the clients that judge (a beacon does not) have detected, and the server has ended every side. */
    private static boolean allEnded(Race race, int judges, int clients) {
        long clientSides = race.detections().stream().filter(d -> d.side() == Side.CLIENT).map(Detection::client)
                .distinct().count();
        long serverSides = race.entries().stream().filter(d -> d.side() == Side.SERVER).map(Detection::client)
                .distinct().count();
        return clientSides >= judges && serverSides >= clients;
    }

    private static String ends(Race race) {
        return race.entries().stream().map(d -> d.client() + "/" + d.side().label() + "/" + d.cause().label()).toList()
                .toString();
    }

    private static Race race(Lab lab, FaultRecord f) {
        return lab.races().stream().filter(r -> r.fault() == f).findFirst().orElseThrow();
    }

    /** Nearest-rank percentile. */
    private static double pct(double[] sorted, int p) {
        return sorted[Race.rank(p, sorted.length)];
    }

    private static void waitUntil(String what, java.util.function.BooleanSupplier done, int seconds) {
        if (!Waits.until(what, Duration.ofSeconds(seconds), Duration.ofMillis(20), done, null)) {
            throw new IllegalStateException("timed out waiting for " + what);
        }
    }
}
