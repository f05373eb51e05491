package lab.heartbeat.detect;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A vocabulary word with the spelling users type (kebab case), for enums read from input. */
public interface Labelled {

    String label();

    /**
     * The constant of {@code type} with this label; otherwise a message that says what was read,
     * what kind of word was expected, and every valid one.
     */
    static <E extends Enum<E> & Labelled> E byLabel(Class<E> type, String label, String what) {
        for (E e : type.getEnumConstants()) {
            if (e.label().equals(label)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + label + "'; expected one of "
                + Arrays.stream(type.getEnumConstants()).map(Labelled::label).collect(Collectors.joining(", ")));
    }
}
