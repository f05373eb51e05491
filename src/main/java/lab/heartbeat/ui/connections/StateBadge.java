package lab.heartbeat.ui.connections;

import lab.heartbeat.telemetry.EndpointView;
import lab.heartbeat.transport.ClientState;

/** The coloured badge of a client's state; the CSS class is {@code state-} and the label. */
public enum StateBadge {
    UP("up"), CONNECTING("connecting"), BACKOFF("backoff"), STOPPED("stopped"),
    /** The client believes it is up but its connection is gone (closed, not yet noticed). */
    DOWN("down");

    private final String label;

    StateBadge(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String styleClass() {
        return "state-" + label;
    }

    public static StateBadge of(EndpointView view) {
        ClientState state = view.state();
        if (state == null) {
            return view.online() ? UP : CONNECTING;
        }
        return switch (state) {
            case UP -> view.online() ? UP : DOWN;
            case CONNECTING -> CONNECTING;
            case BACKOFF -> BACKOFF;
            case STOPPED -> STOPPED;
        };
    }
}
