package lab.heartbeat.ui.parameters;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One editable parameter as the editor shows it: its key (the engine's override key), group and text value. */
public final class ProfileParameter {
    private final String key;
    private final String category;
    private final String description;
    private final ReadOnlyStringWrapper value = new ReadOnlyStringWrapper(this, "value", "");

    public ProfileParameter(String key, String category, String description) {
        this.key = key;
        this.category = category;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String category() {
        return category;
    }

    public String description() {
        return description;
    }

    public ReadOnlyStringProperty valueProperty() {
        return value.getReadOnlyProperty();
    }

    public String value() {
        return value.get();
    }

    public void show(String text) {
        value.set(text);
    }
}
