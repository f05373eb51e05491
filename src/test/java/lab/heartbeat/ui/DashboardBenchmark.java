package lab.heartbeat.ui;

import lab.heartbeat.ui.lab.LiveLab;
import lab.heartbeat.ui.lab.StartupLab;
import lab.heartbeat.ui.lab.RaceSnapshot;
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
import lab.heartbeat.fault.FaultKind;

/**
 * Not a test: opens the dashboard headless (Monocle) on a lab with N clients and prints the frame
 * rate, the FX thread's busy share (its CPU time over wall time) and the heap. The race panel is
 * in front; a fifth of the way into the measurement every client's cable is pulled (kernel backend
 * in a private namespace, else the proxy), and plugged in again at three fifths, so the race, the
 * fault shading, the markers and the reconnections are all measured.
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
            Dashboard d = new Dashboard(lab, (owner, title) -> null);
            d.show(new Stage());
            d.view().side().getSelectionModel().select(1);
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
        long pullAt = wall0 + TimeUnit.SECONDS.toNanos(seconds) / 5;
        long plugAt = wall0 + TimeUnit.SECONDS.toNanos(seconds) * 3 / 5;
        long end = wall0 + TimeUnit.SECONDS.toNanos(seconds);
        TimeUnit.NANOSECONDS.sleep(pullAt - System.nanoTime());
        lab.inject(FaultKind.CABLE_PULL, "all", null);
        TimeUnit.NANOSECONDS.sleep(plugAt - System.nanoTime());
        lab.plugIn("all");
        TimeUnit.NANOSECONDS.sleep(end - System.nanoTime());
        long cpu = threads.getThreadCpuTime(fxThread[0]) - cpu0;
        long wall = System.nanoTime() - wall0;
        long framesSeen = frames[0] - frames0;
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        CompletableFuture<String> seen = new CompletableFuture<>();
        Platform.runLater(() -> {
            DashboardModel m = dashboard.model();
            RaceSnapshot race = m.races().shownRaceProperty().get();
            seen.complete("rows " + m.connections().rows().size() + ", up " + m.status().clientsUpProperty().get() + ", races "
                    + m.races().races().size() + (race == null ? "" : ", race of " + race.targets().size() + " clients with "
                    + dashboard.view().race().entries().size() + " entries")
                    + ", markers " + dashboard.view().charts().markers().size());
        });
        System.out.printf(Locale.ROOT, "clients %d, fault backend %s, cable pulled on all at %d s and plugged in at %d s%n",
                clients, lab.faultStatus().backend(), seconds / 5, seconds * 3 / 5);
        System.out.printf(Locale.ROOT, "%s%n", seen.get(10, TimeUnit.SECONDS));
        System.out.printf(Locale.ROOT, "%d s: %.1f frames/s, FX thread busy %.1f %%, heap %.1f MB%n",
                seconds, framesSeen * 1e9 / wall, 100.0 * cpu / wall, heap / 1e6);
        dashboard.close();
        Platform.exit();
    }
}
