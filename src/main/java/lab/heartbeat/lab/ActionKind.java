package lab.heartbeat.lab;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The actions a scenario's timeline can take. */
public enum ActionKind {
    /** Stop the server (every connection sees its peer close), wait {@code down}, start it again. */
    SERVER_RESTART("server-restart"),
    /** Add {@code count} clients to the target group, with its profile or a new one. */
    ADD_CLIENTS("add-clients"),
    /** Stop and remove the target clients (a graceful close). */
    REMOVE_CLIENTS("remove-clients"),
    /** Close the target clients' connections gracefully (FIN); the clients reconnect after their backoff. */
    CLOSE("close");

    private final String label;

    ActionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static ActionKind ofLabel(String label) {
        for (ActionKind a : values()) {
            if (a.label.equals(label)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown action '" + label + "'; expected one of "
                + Arrays.stream(values()).map(ActionKind::label).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return label;
    }
}
