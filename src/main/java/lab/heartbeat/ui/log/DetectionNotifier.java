package lab.heartbeat.ui.log;

import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * Shows the view model's detection notices as ControlsFX notifications (the model limits their
 * rate), in the window's bottom left corner: over the event log, under the status bar.
 */
public final class DetectionNotifier {

    private DetectionNotifier() {
    }

    public static void attach(LogViewModel model, Window owner) {
        model.notificationProperty().addListener((obs, old, notice) -> {
            if (notice != null && owner.isShowing()) {
                Notifications.create().owner(owner).title("Detection").text(notice.text())
                        .position(Pos.BOTTOM_LEFT).hideAfter(Duration.seconds(3)).showWarning();
            }
        });
    }
}
