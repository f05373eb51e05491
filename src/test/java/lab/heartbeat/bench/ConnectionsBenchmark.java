/*
 * How to run it (from the repository root; a test-scope main, not a JUnit test):
 *
 *   mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 *   ulimit -n 65536    # or at least 2 x connections + 200 (both ends of every connection live in this process)
 *   java -cp target/classes:target/test-classes:$(cat target/cp.txt) lab.heartbeat.bench.ConnectionsBenchmark 2000 60
 *
 * Arguments: [connections, default 2000] [window seconds, default 60] [--history] [--kernel-sample-ms=N]
 *            [--metrics[=SCRAPE_SECONDS]]
 *   --history            telemetry TelemetryConfig.defaults() (10 Hz time series for 10 min) instead of countersOnly()
 *   --kernel-sample-ms=N how often each client reads TCP_INFO; default 500, LabConfig.embedded()'s value; 0 = never
 *   --metrics[=S]        serve Prometheus metrics (LabMetrics) once all are up and scrape them over HTTP every S
 *                        seconds (default 1, the README's scrape config; Prometheus's own default is 15); the
 *                        scrapes' own CPU is counted too
 *
 * Exit code: 0 when every connection came up and nothing was detected, 1 otherwise.
 */
package lab.heartbeat.bench;

import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import lab.heartbeat.detect.Presets;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.detect.ProfileKind;
import lab.heartbeat.detect.SweepParams;
import lab.heartbeat.lab.Lab;
import lab.heartbeat.lab.LabConfig;
import lab.heartbeat.lab.LabMetrics;
import lab.heartbeat.telemetry.EndpointView;
import lab.heartbeat.telemetry.EventKind;
import lab.heartbeat.telemetry.TelemetryConfig;
import lab.heartbeat.telemetry.TelemetrySnapshot;
import lab.heartbeat.transport.ServerSettings;
import lab.heartbeat.transport.Transports;

/**
 * The "2,000 connections in the dashboard process" target: one Lab with its embedded server on
 * 127.0.0.1 and N reconnecting clients in the same JVM, one heartbeat per second each, answered by
 * the server, with a 1 s x 5 server sweep. Measures process CPU (% of one core), heap per connection
 * and false detections over a window. Both ends of every connection are in this process, so the
 * figures are for client + server together.
 */
public final class ConnectionsBenchmark {

    private static final int WARM_UP_SECONDS = 5;

    public static void main(String[] args) throws Exception {
        int connections = 2000;
        int windowSeconds = 60;
        boolean history = false;
        int scrapeSeconds = 0;
        long kernelSampleMs = 500;
        List<Integer> positional = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--history")) {
                history = true;
            } else if (a.equals("--metrics")) {
                scrapeSeconds = 1;
            } else if (a.matches("--metrics=\\d+")) {
                scrapeSeconds = Integer.parseInt(a.substring("--metrics=".length()));
            } else if (a.startsWith("--kernel-sample-ms=")) {
                kernelSampleMs = Long.parseLong(a.substring("--kernel-sample-ms=".length()));
            } else if (a.matches("\\d+")) {
                positional.add(Integer.parseInt(a));
            } else {
                System.err.println("usage: ConnectionsBenchmark [connections] [windowSeconds] [--history]"
                        + " [--kernel-sample-ms=N] [--metrics[=SCRAPE_SECONDS]]");
                System.exit(2);
            }
        }
        if (positional.size() > 0) {
            connections = positional.get(0);
        }
        if (positional.size() > 1) {
            windowSeconds = positional.get(1);
        }
        System.exit(run(connections, windowSeconds, history, kernelSampleMs, scrapeSeconds));
    }

    private static int run(int n, int windowSeconds, boolean history, long kernelSampleMs, int scrapeSeconds)
            throws Exception {
        long fdLimit = Mx.maxFileDescriptors();
        long fdNeeded = 2L * n + 200;
        TelemetryConfig telemetryConfig = history ? TelemetryConfig.defaults() : TelemetryConfig.countersOnly();
        String mode = history ? "history (TelemetryConfig.defaults(): 10 Hz, 10 min)" : "countersOnly";

        System.out.printf("benchmark: %d connections, window %d s, telemetry %s, kernel TCP_INFO every %d ms%n",
                n, windowSeconds, mode, kernelSampleMs);
        System.out.printf("NOTE: server and clients run in ONE process (the Targets line \"2,000 in the dashboard process\");"
                + " every figure covers both ends of each connection%n");
        System.out.printf("machine: %d cores, java %s, transport %s, max heap %d MiB, fd limit %d%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), Transports.reason(),
                Runtime.getRuntime().maxMemory() >> 20, fdLimit);
        if (fdLimit >= 0 && fdLimit < fdNeeded) {
            System.out.printf("WARNING: the file-descriptor limit (ulimit -n = %d) is below the ~%d this run needs"
                    + " (2 per connection: client end and server end). Run `ulimit -n 65536` in this shell first.%n",
                    fdLimit, fdNeeded);
        }

        Profile profile = Profile.of(ProfileKind.APP_HEARTBEAT, Presets.byName("seed-000"))
                .withOverrides(Map.of("heartbeatInterval", "1s", "heartbeatMisses", "5"));
        ServerSettings server = ServerSettings.defaults().withBind("127.0.0.1").withPort(0)
                .withSweep(new SweepParams(Duration.ofSeconds(1), 5));
        LabConfig config = LabConfig.embedded(server, List.of()).withTelemetry(telemetryConfig)
                .withKernelSampleInterval(Duration.ofMillis(kernelSampleMs));

        int exit = 0;
        MetricsScraper scraper = null;
        try (Lab lab = Lab.start(config)) {
            Map<String, AtomicLong> connectErrors = new ConcurrentHashMap<>();
            AtomicLong disconnects = new AtomicLong();
            Map<String, AtomicLong> disconnectCauses = new ConcurrentHashMap<>();
            lab.telemetry().events().subscribe(e -> {
                if (e.kind() == EventKind.RECONNECT_ATTEMPT && e.detail() != null) {
                    connectErrors.computeIfAbsent(e.detail(), k -> new AtomicLong()).incrementAndGet();
                } else if (e.kind() == EventKind.DISCONNECTED) {
                    disconnects.incrementAndGet();
                    disconnectCauses.computeIfAbsent(e.side() + " " + e.cause() + ": " + e.detail(),
                            k -> new AtomicLong()).incrementAndGet();
                }
            });
            System.out.printf("server listening on %s, profile %s (heartbeat 1 s x 5), server sweep 1 s x 5%n",
                    lab.target(), profile.name());

            long heapBefore = usedHeapAfterGc();
            long connectStart = System.nanoTime();
            lab.addClients("bench", n, profile);
            boolean allUp = Waits.until("all " + n + " connections", Duration.ofSeconds(Math.max(60, n / 20)),
                    Duration.ofSeconds(1),
                    () -> lab.telemetry().snapshot().clientsUp() == n && lab.server().onlineCount() == n,
                    () -> String.format("connecting: %d/%d up (server sees %d) after %.0f s",
                            lab.telemetry().snapshot().clientsUp(), n, lab.server().onlineCount(),
                            (System.nanoTime() - connectStart) / 1e9));
            if (!allUp) {
                long up = lab.telemetry().snapshot().clientsUp();
                System.out.printf("FAILED: only %d/%d connections up after %.0f s%n", up, n,
                        (System.nanoTime() - connectStart) / 1e9);
                connectErrors.forEach((msg, count) -> System.out.printf("  connect error x%d: %s%n",
                        count.get(), msg));
                boolean fds = connectErrors.keySet().stream().anyMatch(m -> m.contains("Too many open files"));
                System.out.printf("HINT: %sthis process needs ~%d file descriptors (2 per connection + JVM);"
                                + " the limit is %d. Raise it in the shell you run from: `ulimit -n 65536`"
                                + " (check with `ulimit -n`; the hard limit is `ulimit -Hn`).%n",
                        fds ? "'Too many open files': " : "if connecting failed for lack of descriptors, ",
                        fdNeeded, fdLimit);
                System.out.printf("RESULT connections=%d cpuPctOfOneCore=NaN heapBytesPerConnection=NaN"
                        + " falseDetections=%d%n", up, lab.telemetry().detections().size());
                return 1;
            }
            System.out.printf("all %d connections up in %.1f s; warming up %d s%n", n,
                    (System.nanoTime() - connectStart) / 1e9, WARM_UP_SECONDS);
            if (scrapeSeconds > 0) {
                // Once all are up: the figure is the steady state's, and the connection storm stays as without.
                scraper = MetricsScraper.start(lab, scrapeSeconds);
            }
            Thread.sleep(WARM_UP_SECONDS * 1000L);
            long heapConnected = usedHeapAfterGc();

            Map<String, Long> threadCpu0 = Mx.threadCpuByName();
            long gcCount0 = Mx.gcCount();
            long gcMs0 = Mx.gcMillis();
            long acks0 = acks(lab.telemetry().snapshot());
            long hb0 = heartbeats(lab.telemetry().snapshot());
            long disconnects0 = disconnects.get();
            long cpu0 = Mx.processCpuNanos();
            long wall0 = System.nanoTime();
            for (int s = 10; s < windowSeconds; s += 10) {
                Thread.sleep(10_000);
                double pct = (Mx.processCpuNanos() - cpu0) * 100.0 / (System.nanoTime() - wall0);
                System.out.printf("measuring: %d/%d s, cpu so far %.1f %% of one core, up %d/%d, detections %d%n",
                        s, windowSeconds, pct, lab.telemetry().snapshot().clientsUp(), n,
                        lab.telemetry().detections().size());
            }
            long remaining = wall0 + windowSeconds * 1_000_000_000L - System.nanoTime();
            if (remaining > 0) {
                Thread.sleep(remaining / 1_000_000, (int) (remaining % 1_000_000));
            }
            long cpu1 = Mx.processCpuNanos();
            long wall1 = System.nanoTime();
            TelemetrySnapshot end = lab.telemetry().snapshot();
            long acks1 = acks(end);
            long hb1 = heartbeats(end);
            Map<String, Long> threadCpu1 = Mx.threadCpuByName();
            long gcCount1 = Mx.gcCount();
            long gcMs1 = Mx.gcMillis();
            double seconds = (wall1 - wall0) / 1e9;
            double cpuPct = (cpu1 - cpu0) * 100.0 / (wall1 - wall0);
            long heapEnd = usedHeapAfterGc();
            long falseDetections = lab.telemetry().detections().size();
            double rttMean = end.clients().stream().mapToDouble(EndpointView::rttMeanMs).filter(d -> !Double.isNaN(d))
                    .average().orElse(Double.NaN);

            System.out.printf("window: %.1f s measured after all %d connections were up%n", seconds, n);
            System.out.printf("cpu: %.1f %% of one core (process CPU time / wall time; %d cores, so %.1f %% of the"
                    + " machine)%n", cpuPct, Runtime.getRuntime().availableProcessors(),
                    cpuPct / Runtime.getRuntime().availableProcessors());
            System.out.printf("heap: %,d bytes before connecting, %,d after connecting, %,d at the end of the window"
                    + " (used, after System.gc())%n", heapBefore, heapConnected, heapEnd);
            System.out.printf("heap per connection: %,d bytes after connecting, %,d at the end of the window"
                    + " (both ends: client + server side)%n",
                    (heapConnected - heapBefore) / n, (heapEnd - heapBefore) / n);
            System.out.printf("heartbeats sent: %.0f/s, acks received: %.0f/s (expected ~%d/s), mean RTT %.3f ms%n",
                    (hb1 - hb0) / seconds, (acks1 - acks0) / seconds, n, rttMean);
            System.out.printf("detections: %d (every one is false: nothing was faulted); disconnects in window: %d;"
                    + " connections up at end: %d/%d%n", falseDetections, disconnects.get() - disconnects0,
                    end.clientsUp(), n);
            disconnectCauses.forEach((what, count) -> System.out.printf("  disconnect x%d: %s%n", count.get(), what));
            System.out.printf("gc in window: %d collections, %d ms%n", gcCount1 - gcCount0, gcMs1 - gcMs0);
            printThreadCpu(threadCpu0, threadCpu1, wall1 - wall0);
            System.out.printf("mode: telemetry %s, kernel TCP_INFO every %d ms, server and clients in one process%n",
                    mode, kernelSampleMs);
            if (scraper != null) {
                System.out.printf("metrics: %s%n", scraper.describe());
            }
            System.out.printf("RESULT connections=%d cpuPctOfOneCore=%.1f heapBytesPerConnection=%d"
                    + " falseDetections=%d%n", n, cpuPct, (heapConnected - heapBefore) / n, falseDetections);
            if (falseDetections > 0 || end.clientsUp() != n) {
                exit = 1;
            }
        } finally {
            if (scraper != null) {
                scraper.close();
            }
        }
        return exit;
    }

    /** The --metrics mode: the lab's metrics served over HTTP and scraped at a fixed period, as Prometheus would. */
    private static final class MetricsScraper implements AutoCloseable {
        private final LabMetrics metrics;
        private final ScheduledExecutorService scrapes = Executors.newSingleThreadScheduledExecutor();
        private final HttpClient http = HttpClient.newHttpClient();
        private final AtomicLong count = new AtomicLong();
        private final AtomicLong bytes = new AtomicLong();

        private final int periodSeconds;

        private MetricsScraper(LabMetrics metrics, int periodSeconds) {
            this.metrics = metrics;
            this.periodSeconds = periodSeconds;
        }

        static MetricsScraper start(Lab lab, int periodSeconds) throws Exception {
            MetricsScraper s = new MetricsScraper(LabMetrics.serve(lab, new InetSocketAddress("127.0.0.1", 0)),
                    periodSeconds);
            HttpRequest request = HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + s.metrics.port() + "/metrics")).build();
            s.scrapes.scheduleAtFixedRate(() -> {
                try {
                    String body = s.http.send(request, HttpResponse.BodyHandlers.ofString()).body();
                    s.count.incrementAndGet();
                    s.bytes.set(body.length());
                } catch (Exception e) {
                    System.out.println("scrape failed: " + e);
                }
            }, 1, periodSeconds, TimeUnit.SECONDS);
            return s;
        }

        String describe() {
            return String.format("served on port %d and scraped every %d s, %d scrapes, last one %,d bytes",
                    metrics.port(), periodSeconds, count.get(), bytes.get());
        }

        @Override
        public void close() throws InterruptedException {
            scrapes.shutdownNow();
            scrapes.awaitTermination(5, TimeUnit.SECONDS);
            metrics.close();
        }
    }

    private static long acks(TelemetrySnapshot s) {
        return s.clients().stream().mapToLong(EndpointView::acksReceived).sum();
    }

    private static long heartbeats(TelemetrySnapshot s) {
        return s.clients().stream().mapToLong(EndpointView::heartbeatsSent).sum();
    }

    private static long usedHeapAfterGc() throws Exception {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc(); // a full collection that returns when done (G1 and Serial alike)
            used = Math.min(used, Mx.heapUsed());
        }
        return used;
    }

    /** Where the CPU went, by thread name with digits folded (lab-io-1-1, lab-io-1-2 -> lab-io-#-#). */
    private static void printThreadCpu(Map<String, Long> before, Map<String, Long> after, long wallNanos) {
        Map<String, Long> byName = new LinkedHashMap<>();
        after.forEach((name, cpu) -> byName.merge(name.substring(0, name.lastIndexOf('@')).replaceAll("\\d+", "#"),
                cpu - before.getOrDefault(name, 0L), Long::sum));
        byName.entrySet().stream().filter(e -> e.getValue() * 1000 > wallNanos)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> System.out.printf("  thread cpu: %-28s %5.1f %% of one core%n", e.getKey(),
                        e.getValue() * 100.0 / wallNanos));
    }

    /**
     * The management beans, called reflectively: the tests are compiled patched into the
     * lab.heartbeat module, which does not (and should not) read java.management or jdk.management.
     * At run time the benchmark is on the class path, where every exported package is readable.
     */
    private static final class Mx {
        static long processCpuNanos() throws Exception {
            return (long) call(factory("getOperatingSystemMXBean"), "com.sun.management.OperatingSystemMXBean",
                    "getProcessCpuTime");
        }

        static long maxFileDescriptors() {
            try {
                return (long) call(factory("getOperatingSystemMXBean"),
                        "com.sun.management.UnixOperatingSystemMXBean", "getMaxFileDescriptorCount");
            } catch (Exception notUnix) {
                return -1;
            }
        }

        static long heapUsed() throws Exception {
            Object usage = call(factory("getMemoryMXBean"), "java.lang.management.MemoryMXBean",
                    "getHeapMemoryUsage");
            return (long) call(usage, "java.lang.management.MemoryUsage", "getUsed");
        }

        static long gcCount() throws Exception {
            return sumOverGcs("getCollectionCount");
        }

        static long gcMillis() throws Exception {
            return sumOverGcs("getCollectionTime");
        }

        /** CPU nanoseconds of every live thread, by thread name (as name@id). */
        static Map<String, Long> threadCpuByName() throws Exception {
            Object threads = factory("getThreadMXBean");
            Class<?> type = Class.forName("java.lang.management.ThreadMXBean");
            Method cpu = type.getMethod("getThreadCpuTime", long.class);
            Method info = type.getMethod("getThreadInfo", long.class);
            Method name = Class.forName("java.lang.management.ThreadInfo").getMethod("getThreadName");
            Map<String, Long> result = new HashMap<>();
            for (long id : (long[]) type.getMethod("getAllThreadIds").invoke(threads)) {
                long t = (long) cpu.invoke(threads, id);
                Object i = info.invoke(threads, id);
                if (t >= 0 && i != null) {
                    result.put(name.invoke(i) + "@" + id, t);
                }
            }
            return result;
        }

        private static long sumOverGcs(String method) throws Exception {
            long sum = 0;
            for (Object gc : (List<?>) factory("getGarbageCollectorMXBeans")) {
                sum += (long) call(gc, "java.lang.management.GarbageCollectorMXBean", method);
            }
            return sum;
        }

        private static Object factory(String method) throws Exception {
            return Class.forName("java.lang.management.ManagementFactory").getMethod(method).invoke(null);
        }

        private static Object call(Object target, String type, String method) throws Exception {
            return Class.forName(type).getMethod(method).invoke(target);
        }
    }

    private ConnectionsBenchmark() {
    }
}
