package lab.heartbeat.fault;

import lab.heartbeat.detect.Labelled;

/** Something done to connections, named as in the lab's vocabulary. */
public enum FaultKind implements Labelled {
    CABLE_PULL("cable-pull", true),
    DROP_TO_SERVER("drop-to-server", true),
    DROP_TO_CLIENT("drop-to-client", true),
    LATENCY("latency", true),
    FREEZE_SERVER("freeze-server", false),
    FREEZE_CLIENT("freeze-client", false),
    RESET("reset", false),
    SERVER_RESTART("server-restart", false);

    private final String label;
    private final boolean network;

    FaultKind(String label, boolean network) {
        this.label = label;
        this.network = network;
    }

    @Override
    public String label() {
        return label;
    }

    /** Made on the path between the two ends (kernel or proxy), not inside either application. */
    public boolean network() {
        return network;
    }

    /** Whether the client's packets towards the server are lost. */
    public boolean dropsToServer() {
        return this == CABLE_PULL || this == DROP_TO_SERVER;
    }

    /** Whether the server's packets towards the client are lost. */
    public boolean dropsToClient() {
        return this == CABLE_PULL || this == DROP_TO_CLIENT;
    }

    public static FaultKind ofLabel(String label) {
        return Labelled.byLabel(FaultKind.class, label, "fault");
    }

    @Override
    public String toString() {
        return label;
    }
}
