package lab.heartbeat.ui;

import lab.heartbeat.ui.lab.StartingLab;
import lab.heartbeat.ui.lab.StartupLab;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;
import lab.heartbeat.cli.LabServices;
import lab.heartbeat.cli.ServiceOptions;
import lab.heartbeat.ui.lab.LiveLab;
import sun.misc.Signal;

/**
 * Starts the dashboard. It does not extend {@code Application}, so that JavaFX on the class path
 * ({@code java -jar}) starts without the module launcher's check.
 */
public final class DashboardLauncher {
    /** How long an orderly exit may take before the JVM is told to exit anyway. */
    private static final long EXIT_GRACE_SECONDS = 10;

    private DashboardLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.exit(run(args));
    }

    /**
     * Opens the dashboard with the {@code dashboard} command's options and blocks until its window
     * closes; returns the exit code ({@link CommandLineRun}).
     */
    public static int run(String[] args) throws InterruptedException {
        CommandLineRun commandLine = CommandLineRun.parse(args);
        // A desktop's close or a kill sends SIGTERM, Ctrl-C sends SIGINT. Leave as closing the
        // window does (stop() closes the lab), not through the JVM's shutdown hooks, which tear
        // JavaFX's renderer down under a running pulse.
        for (String name : List.of("TERM", "INT")) {
            Signal.handle(new Signal(name), signal -> exitInOrder());
        }
        ServiceOptions options = ServiceOptions.of(args);
        AtomicReference<LabServices> services = new AtomicReference<>();
        // The lab starts while JavaFX starts its toolkit; a launch that fails (no display) closes it.
        StartingLab lab = StartingLab.begin(() -> {
            LiveLab live = StartupLab.start();
            try {
                services.set(LabServices.start(live.lab(), options, new PrintWriter(System.err, true)));
            } catch (RuntimeException e) {
                live.close();
                throw e;
            }
            return live;
        });
        DashboardApp.startWith(lab, commandLine);
        try {
            Application.launch(DashboardApp.class);
        } finally {
            lab.closeUnclaimed();
            if (services.get() != null) {
                services.get().close();
            }
        }
        return DashboardApp.exitCode();
    }

    private static void exitInOrder() {
        Thread deadline = new Thread(() -> {
            try {
                TimeUnit.SECONDS.sleep(EXIT_GRACE_SECONDS);
                System.exit(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "exit-deadline");
        deadline.setDaemon(true);
        deadline.start();
        Platform.exit();
    }
}
