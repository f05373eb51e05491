package lab.heartbeat.ui;

import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: the start-up lab is built before the FX thread needs it, in {@link #init()}. */
public final class DashboardApp extends Application {
    private LiveLab lab;
    private Dashboard dashboard;

    @Override
    public void init() throws InterruptedException {
        lab = StartupLab.start();
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
