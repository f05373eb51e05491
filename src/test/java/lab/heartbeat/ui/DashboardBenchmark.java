package lab.heartbeat.ui;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import lab.heartbeat.detect.Presets;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.detect.ProfileKind;

/**
 * Not a test: opens the dashboard headless (Monocle) on a lab with N clients and prints the frame
 * rate, the FX thread's busy share (its CPU time over wall time) and the heap.
 * Usage: DashboardBenchmark [clients] [seconds]
 */
public final class DashboardBenchmark {

    private DashboardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("headless.geometry", "1440x900-32");
        System.setProperty("java.awt.headless", "true");

        LiveLab lab = StartupLab.start();
        // One heartbeat a second each, as DESIGN's targets count them.
        Profile profile = Profile.of(ProfileKind.APP_HEARTBEAT, Presets.teaching())
                .withOverrides(java.util.Map.of("heartbeatInterval", "1s"));
        lab.addClients("bench", clients - StartupLab.KINDS.size(), profile);

        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        CompletableFuture<Dashboard> shown = new CompletableFuture<>();
        long[] fxThread = new long[1];
        long[] frames = new long[1];
        Platform.runLater(() -> {
            fxThread[0] = Thread.currentThread().getId();
            Dashboard d = new Dashboard(lab, owner -> null);
            d.show(new Stage());
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    frames[0]++;
                }
            }.start();
            shown.complete(d);
        });
        Dashboard dashboard = shown.get(30, TimeUnit.SECONDS);
        TimeUnit.SECONDS.sleep(5);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getThreadCpuTime(fxThread[0]);
        long wall0 = System.nanoTime();
        long frames0 = frames[0];
        TimeUnit.SECONDS.sleep(seconds);
        long cpu = threads.getThreadCpuTime(fxThread[0]) - cpu0;
        long wall = System.nanoTime() - wall0;
        long framesSeen = frames[0] - frames0;
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        CompletableFuture<Integer> rows = new CompletableFuture<>();
        Platform.runLater(() -> rows.complete(dashboard.model().rows().size()));
        System.out.printf(Locale.ROOT, "clients %d (rows %d), %d s: %.1f frames/s, FX thread busy %.1f %%, heap %.1f MB%n",
                clients, rows.get(10, TimeUnit.SECONDS), seconds, framesSeen * 1e9 / wall, 100.0 * cpu / wall,
                heap / 1e6);
        dashboard.close();
        Platform.exit();
    }
}
