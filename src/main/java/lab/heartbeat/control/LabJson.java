package lab.heartbeat.control;

/**
 * The lab as {@code GET /lab} describes it: how long it has run (so that a reader can place the
 * lab's times on its own clock), its client transport, its fault backend and namespace, its server's port.
 */
public record LabJson(String lab, double uptimeMs, String transport, String faultBackend, String namespace,
        int serverPort) {

    /** What {@code lab} says, so that a reader can tell a heartbeat lab from another HTTP server. */
    public static final String HEARTBEAT_LAB = "heartbeat-lab";
}
