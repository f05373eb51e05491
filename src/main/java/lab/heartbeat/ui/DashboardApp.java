package lab.heartbeat.ui;

import lab.heartbeat.ui.lab.LabGateway;
import lab.heartbeat.ui.lab.StartingLab;
import lab.heartbeat.ui.lab.StartupLab;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The JavaFX application. Its lab is started by the launcher while JavaFX starts ({@link StartingLab}),
 * and claimed in {@link #init()}; started there when the application is launched some other way.
 */
public final class DashboardApp extends Application {
    /** Set by {@link DashboardLauncher} before the launch: JavaFX makes the application itself. */
    private static volatile StartingLab starting;
    private static volatile CommandLineRun commandLine = CommandLineRun.NONE;
    private static volatile int exitCode;

    private LabGateway lab;
    private Dashboard dashboard;

    static void startWith(StartingLab lab, CommandLineRun run) {
        starting = lab;
        commandLine = run;
    }

    /** The exit code the command line's run ended with (0 when the window was simply closed). */
    static int exitCode() {
        return exitCode;
    }

    @Override
    public void init() throws InterruptedException {
        StartingLab pending = starting;
        starting = null;
        lab = pending != null ? pending.claim() : StartupLab.start();
    }

    @Override
    public void start(Stage stage) {
        dashboard = Dashboard.withFolderChooser(lab);
        dashboard.show(stage);
        commandLine.start(dashboard.scenarios(), code -> {
            exitCode = code;
            Platform.exit();
        }, System.err);
    }

    @Override
    public void stop() throws InterruptedException {
        if (dashboard != null) {
            dashboard.close();
        } else if (lab != null) {
            lab.close();
        }
    }
}
