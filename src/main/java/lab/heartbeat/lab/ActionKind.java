package lab.heartbeat.lab;

import lab.heartbeat.detect.Labelled;
import lab.heartbeat.fault.FaultKind;

/** The actions a scenario's timeline can take; most make or clear a fault. */
public enum ActionKind implements Labelled {
    /** Drop the target clients' packets both ways: a pulled cable. */
    CABLE_PULL("cable-pull", FaultKind.CABLE_PULL),
    /** Drop the target clients' packets towards the server only. */
    DROP_TO_SERVER("drop-to-server", FaultKind.DROP_TO_SERVER),
    /** Drop the server's packets towards the target clients only. */
    DROP_TO_CLIENT("drop-to-client", FaultKind.DROP_TO_CLIENT),
    /** Delay the target clients' packets by {@code delay} ± {@code jitter} (proxy backend). */
    LATENCY("latency", FaultKind.LATENCY),
    /** Clear every network fault on the targets. */
    PLUG_IN("plug-in", null),
    /** The server stops reading and answering the targets' connections (a hung server thread). */
    FREEZE_SERVER("freeze-server", FaultKind.FREEZE_SERVER),
    /** The target clients stop reading, answering, sending and judging (a hung client). */
    FREEZE_CLIENT("freeze-client", FaultKind.FREEZE_CLIENT),
    /** Thaw frozen clients and server ends. */
    UNFREEZE("unfreeze", null),
    /** The server resets the targets' connections (RST). */
    RESET("reset", FaultKind.RESET),
    /** Stop the server (every connection sees its peer close), wait {@code down}, start it again. */
    SERVER_RESTART("server-restart", FaultKind.SERVER_RESTART),
    /** The targets send {@code count} DATA frames each, to count what survives an outage. */
    SEND_DATA("send-data", null),
    /** Add {@code count} clients to the target group, with its profile or a new one. */
    ADD_CLIENTS("add-clients", null),
    /** Stop and remove the target clients (a graceful close). */
    REMOVE_CLIENTS("remove-clients", null),
    /** Close the target clients' connections gracefully (FIN) and stop them: they do not reconnect. */
    CLOSE("close", null);

    private final String label;
    private final FaultKind fault;

    ActionKind(String label, FaultKind fault) {
        this.label = label;
        this.fault = fault;
    }

    @Override
    public String label() {
        return label;
    }

    /** The fault this action makes, or null when it makes none. */
    public FaultKind fault() {
        return fault;
    }

    public static ActionKind ofLabel(String label) {
        return Labelled.byLabel(ActionKind.class, label, "action");
    }

    @Override
    public String toString() {
        return label;
    }
}
