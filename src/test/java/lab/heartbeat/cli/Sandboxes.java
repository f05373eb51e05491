package lab.heartbeat.cli;

/** For tests of other packages that start a sandboxed {@code run}: whether the sandbox can be made here. */
public final class Sandboxes {
    private Sandboxes() {
    }

    /** Why {@code run} cannot sandbox itself here, or null when it can. */
    public static String unavailable() {
        return Sandbox.unavailable();
    }
}
