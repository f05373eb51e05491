package lab.heartbeat.ui;

import javafx.application.Application;

/**
 * Starts the dashboard. It does not extend {@code Application}, so that JavaFX on the class path
 * ({@code java -jar}) starts without the module launcher's check.
 */
public final class DashboardLauncher {

    private DashboardLauncher() {
    }

    public static void main(String[] args) {
        Application.launch(DashboardApp.class, args);
    }
}
