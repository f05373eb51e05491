package lab.heartbeat.ui;

import lab.heartbeat.ui.lab.LabGateway;
import lab.heartbeat.ui.lab.StartingLab;
import lab.heartbeat.ui.lab.StartupLab;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application. Its lab is started by the launcher while JavaFX starts ({@link StartingLab}),
 * and claimed in {@link #init()}; started there when the application is launched some other way.
 */
public final class DashboardApp extends Application {
    /** Set by {@link DashboardLauncher} before the launch: JavaFX makes the application itself. */
    private static volatile StartingLab starting;

    private LabGateway lab;
    private Dashboard dashboard;

    static void startWith(StartingLab lab) {
        starting = lab;
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
