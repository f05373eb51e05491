package lab.heartbeat.ui.common;

import java.net.URL;
import java.util.Objects;

/** The dashboard's themes: CSS from the top-level styles/ folder, copied onto the class path at build time. */
public enum Theme {
    LIGHT("light.css"), DARK("dark.css");

    private final String file;

    Theme(String file) {
        this.file = file;
    }

    public String stylesheet() {
        URL url = Theme.class.getResource("/lab/heartbeat/ui/styles/" + file);
        return Objects.requireNonNull(url, "styles/" + file + " is missing from the class path").toExternalForm();
    }

    @Override
    public String toString() {
        return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
