/*
 * A soak test, kernel-true (a test-scope main, not a JUnit test): a server and N clients for M
 * minutes, a cable flap every few seconds on a random tenth of them. It must run in a private
 * network namespace; the test launcher makes one:
 *
 *   mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 *   nice src/test/netns/bin/java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *       lab.heartbeat.bench.SoakBenchmark 200 5
 *
 * Prints the flaps, their detections and recoveries, and the open file descriptors, threads and
 * heap after GC at the start and at the end. Exit code 0 when every pull was detected and every
 * pulled client came back.
 */
package lab.heartbeat.bench;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import lab.heartbeat.detect.Cause;
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
import lab.heartbeat.telemetry.EndpointView;
import lab.heartbeat.telemetry.TelemetryConfig;
import lab.heartbeat.transport.ServerSettings;

/** Flaps the cables of a random tenth of N teaching app-heartbeat clients, round after round, for M minutes. */
public final class SoakBenchmark {
    private static final Duration PAUSE = Duration.ofSeconds(2);

    private SoakBenchmark() {
    }

    /** What the process holds, read after a full GC. */
    private record Footprint(long fds, int threads, long heapBytes, int endsKept) {
        static Footprint of(Lab lab) {
            System.gc();
            String[] fds = new File("/proc/self/fd").list();
            return new Footprint(fds == null ? -1 : fds.length, ManagementFactory.getThreadMXBean().getThreadCount(),
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), lab.telemetry().ends().size());
        }

        @Override
        public String toString() {
            return String.format("fds %d, threads %d, heap after GC %.1f MB, end records kept %d", fds, threads,
                    heapBytes / 1e6, endsKept);
        }
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Duration length = Duration.ofMinutes(args.length > 1 ? Long.parseLong(args[1]) : 5);
        Random random = new Random(args.length > 2 ? Long.parseLong(args[2]) : 2026);
        Profile profile = Profile.of(ProfileKind.APP_HEARTBEAT, Presets.teaching());
        LabConfig config = LabConfig.embedded(ServerSettings.defaults().withPort(0)
                        .withSweep(Presets.teaching().sweep()), List.of(new ClientGroup("c", n, profile)))
                // Counters only, and an event window that the first round fills, so that the heap at
                // the start already holds it: what grows after that is the end records (50,000 at most).
                .withTelemetry(new TelemetryConfig(Duration.ofSeconds(1), Duration.ZERO, 1_000, 100))
                .withKernelSampleInterval(Duration.ZERO)
                .withFaults(FaultBackendChoice.KERNEL, false);
        try (Lab lab = Lab.start(config)) {
            System.out.printf("namespace %s, %s%n", lab.namespace().label(), lab.faultBackendNote());
            Waits.until("all up", Duration.ofSeconds(60), Duration.ofMillis(100), () -> up(lab) == n, null);
            // A first round warms every code path, so that the start figure is not the cold process.
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                names.add("c-" + i);
            }
            flap(lab, names.subList(0, Math.max(1, n / 10)));
            Footprint start = Footprint.of(lab);
            System.out.println("START " + start);

            long end = System.nanoTime() + length.toNanos();
            int rounds = 0;
            int pulls = 0;
            int detected = 0;
            int recovered = 0;
            while (System.nanoTime() < end) {
                Collections.shuffle(names, random);
                List<String> targets = names.subList(0, Math.max(1, n / 10));
                int[] seen = flap(lab, targets);
                rounds++;
                pulls += targets.size();
                detected += seen[0];
                recovered += seen[1];
                if (rounds % 10 == 0) {
                    System.out.printf("  round %d: %d pulls, %d detected, %d recovered%n", rounds, pulls, detected,
                            recovered);
                }
                TimeUnit.NANOSECONDS.sleep(PAUSE.toNanos());
            }
            Waits.until("all up at the end", Duration.ofSeconds(60), Duration.ofMillis(100), () -> up(lab) == n, null);
            Footprint last = Footprint.of(lab);
            System.out.println("END   " + last);
            System.out.printf("RESULT connections=%d minutes=%d rounds=%d pulls=%d detected=%d (%.1f %%) recovered=%d "
                            + "(%.1f %%) fds %d->%d threads %d->%d heapAfterGcMB %.1f->%.1f (%+.1f %%)%n",
                    n, length.toMinutes(), rounds, pulls, detected, 100.0 * detected / pulls, recovered,
                    100.0 * recovered / pulls, start.fds(), last.fds(), start.threads(), last.threads(),
                    start.heapBytes() / 1e6, last.heapBytes() / 1e6,
                    100.0 * (last.heapBytes() - start.heapBytes()) / start.heapBytes());
            System.exit(detected == pulls && recovered == pulls ? 0 : 1);
        }
    }

    /**
     * Pulls the targets' cables, waits until each client detected it, plugs them in and waits until
     * each is back on a new connection; returns {detected, recovered}.
     */
    private static int[] flap(Lab lab, List<String> targets) throws Exception {
        Map<String, Long> before = new HashMap<>();
        for (EndpointView c : lab.telemetry().snapshot().clients()) {
            before.put(c.client(), c.connections());
        }
        String target = String.join(",", targets);
        FaultRecord pull = lab.inject(FaultKind.CABLE_PULL, target, null);
        Waits.until("detections", Duration.ofSeconds(30), Duration.ofMillis(50),
                () -> detected(lab, pull) == targets.size(), null);
        int detected = (int) detected(lab, pull);
        lab.plugIn(target);
        Waits.until("recoveries", Duration.ofSeconds(30), Duration.ofMillis(50),
                () -> recovered(lab, targets, before) == targets.size(), null);
        return new int[] {detected, (int) recovered(lab, targets, before)};
    }

    private static long up(Lab lab) {
        return lab.telemetry().snapshot().clients().stream().filter(EndpointView::online).count();
    }

    private static long detected(Lab lab, FaultRecord fault) {
        return lab.races().stream().filter(r -> r.fault() == fault).flatMap(r -> r.detections().stream())
                .filter(d -> d.side() == Side.CLIENT && d.cause() == Cause.APP_HEARTBEAT).map(d -> d.client())
                .distinct().count();
    }

    private static long recovered(Lab lab, List<String> targets, Map<String, Long> before) {
        return lab.telemetry().snapshot().clients().stream()
                .filter(c -> targets.contains(c.client()) && c.online() && c.connections() > before.get(c.client()))
                .count();
    }
}
