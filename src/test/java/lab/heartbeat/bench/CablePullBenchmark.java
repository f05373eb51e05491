/*
 * A cable pull on many connections at once, kernel-true (a test-scope main, not a JUnit test).
 * It must run in a private network namespace; the test launcher makes one:
 *
 *   mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 *   src/test/netns/bin/java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *       lab.heartbeat.bench.CablePullBenchmark 1000
 *
 * Prints how long the nftables batch took to be in force, how many detections were recorded
 * against how many expected, and how long until every connection was back after the plug-in.
 * Exit code 0 when every detection was recorded and every client came back.
 */
package lab.heartbeat.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
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
import lab.heartbeat.lab.Race;
import lab.heartbeat.telemetry.EndpointView;
import lab.heartbeat.telemetry.TelemetryConfig;
import lab.heartbeat.transport.ServerSettings;

/** Pulls the cable of N teaching app-heartbeat clients at once, then plugs them back in. */
public final class CablePullBenchmark {
    private CablePullBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Profile profile = Profile.of(ProfileKind.APP_HEARTBEAT, Presets.teaching())
                .withOverrides(Map.of("backoffInitial", "1s", "backoffMax", "3s"));
        LabConfig config = LabConfig.embedded(ServerSettings.defaults().withPort(0)
                        .withSweep(Presets.teaching().sweep()), List.of(new ClientGroup("c", n, profile)))
                .withTelemetry(TelemetryConfig.countersOnly()).withKernelSampleInterval(Duration.ZERO)
                .withFaults(FaultBackendChoice.KERNEL, false);
        try (Lab lab = Lab.start(config)) {
            System.out.printf("namespace %s, %s%n", lab.namespace().label(), lab.faultBackendNote());
            waitFor("all up", Duration.ofSeconds(60), () -> up(lab) == n, () -> up(lab) + "/" + n + " up");
            TimeUnit.SECONDS.sleep(2);

            FaultRecord pull = lab.inject(FaultKind.CABLE_PULL, "all", null);
            System.out.printf("RULES cable-pull of %d clients in force after %.1f ms (one nft batch)%n", n,
                    pull.applyNanos() / 1e6);
            waitFor("detections", Duration.ofSeconds(30), () -> detected(lab, pull, Side.CLIENT) == n
                    && detected(lab, pull, Side.SERVER) == n,
                    () -> detected(lab, pull, Side.CLIENT) + " client + " + detected(lab, pull, Side.SERVER)
                            + " server detections of " + n + " each");
            Race race = lab.races().stream().filter(r -> r.fault() == pull).findFirst().orElseThrow();
            double worst = race.detections().stream().mapToDouble(d -> Math.abs(race.measuredMs(d) - race.predictedMs(d)))
                    .max().orElse(Double.NaN);
            System.out.printf("DETECTIONS %d client (app-heartbeat) + %d server (sweep) of %d connections; worst |measured - predicted| %.1f ms%n",
                    detected(lab, pull, Side.CLIENT), detected(lab, pull, Side.SERVER), n, worst);

            long plugged = System.nanoTime();
            var cleared = lab.plugIn("all");
            System.out.printf("RULES plug-in of %d clients in force after %.1f ms%n", n,
                    (System.nanoTime() - plugged) / 1e6);
            boolean back = waitFor("all back", Duration.ofSeconds(60), () -> up(lab) == n
                    && lab.telemetry().snapshot().clients().stream().allMatch(c -> c.connections() >= 2),
                    () -> up(lab) + "/" + n + " back up");
            System.out.printf("RESULT connections=%d applyMs=%.1f clientDetections=%d serverDetections=%d backAfterPlugInMs=%d cleared=%d%n",
                    n, pull.applyNanos() / 1e6, detected(lab, pull, Side.CLIENT), detected(lab, pull, Side.SERVER),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - plugged), cleared.size());
            System.exit(back && detected(lab, pull, Side.CLIENT) == n ? 0 : 1);
        }
    }

    private static long up(Lab lab) {
        return lab.telemetry().snapshot().clients().stream().filter(EndpointView::online).count();
    }

    private static long detected(Lab lab, FaultRecord fault, Side side) {
        Cause expected = side == Side.CLIENT ? Cause.APP_HEARTBEAT : Cause.SERVER_SWEEP;
        return lab.races().stream().filter(r -> r.fault() == fault).flatMap(r -> r.detections().stream())
                .filter(d -> d.side() == side && d.cause() == expected).count();
    }

    private static boolean waitFor(String what, Duration limit, java.util.function.BooleanSupplier done,
            java.util.function.Supplier<String> progress) {
        return Waits.until(what, limit, Duration.ofMillis(50), done, progress);
    }
}
