package lab.heartbeat.ui.common;

import java.io.File;
import javafx.stage.Window;

/** Asks the user for a folder; the platform's dialog in the app, a fixed answer in tests. */
@FunctionalInterface
public interface FolderChooser {
    /** @return the chosen folder, or null when the user cancelled */
    File choose(Window owner, String title);
}
