package lab.heartbeat.ui.common;

import java.util.function.Function;
import javafx.util.StringConverter;

/** Shows a choice by a name; for combo boxes whose values are chosen from their list only. */
public final class Named<T> extends StringConverter<T> {
    private final Function<T, String> name;

    public Named(Function<T, String> name) {
        this.name = name;
    }

    @Override
    public String toString(T value) {
        return value == null ? "" : name.apply(value);
    }

    @Override
    public T fromString(String text) {
        throw new UnsupportedOperationException("chosen from the list only");
    }
}
