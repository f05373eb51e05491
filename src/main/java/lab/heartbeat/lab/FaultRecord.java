package lab.heartbeat.lab;

import java.util.List;
import lab.heartbeat.fault.FaultKind;
import lab.heartbeat.fault.Latency;
import lab.heartbeat.telemetry.ConnectionData;

/**
 * One fault the lab made: its id, kind, the backend that made it, the clients it targets, and t0,
 * the moment it was in force (after the kernel rules were in place). {@code clearedNanos} is -1
 * while it lasts. {@code applyNanos} is how long making it took.
 */
public final class FaultRecord {
    private final int id;
    private final FaultKind kind;
    private final String backend;
    private final List<String> targets;
    private final java.util.Set<String> targetSet;
    private final long t0Nanos;
    private final long applyNanos;
    private final Latency latency;
    private volatile long clearedNanos = -1;

    FaultRecord(int id, FaultKind kind, String backend, List<String> targets, long t0Nanos, long applyNanos,
            Latency latency) {
        this.id = id;
        this.kind = kind;
        this.backend = backend;
        this.targets = List.copyOf(targets);
        this.targetSet = java.util.Set.copyOf(targets);
        this.t0Nanos = t0Nanos;
        this.applyNanos = applyNanos;
        this.latency = latency;
    }

    public int id() {
        return id;
    }

    public String name() {
        return "fault-" + id;
    }

    public FaultKind kind() {
        return kind;
    }

    public String backend() {
        return backend;
    }

    public List<String> targets() {
        return targets;
    }

    /** The connections among these that the fault hit: its targets' connections open at its t0. */
    public List<ConnectionData> hitAmong(List<ConnectionData> connections) {
        return connections.stream().filter(c -> targets(c.client()) && c.openAt(t0Nanos)).toList();
    }

    /** Whether the fault targets this client; a set lookup, asked once for every connection's end. */
    public boolean targets(String client) {
        return targetSet.contains(client);
    }

    public long t0Nanos() {
        return t0Nanos;
    }

    public long applyNanos() {
        return applyNanos;
    }

    public Latency latency() {
        return latency;
    }

    public long clearedNanos() {
        return clearedNanos;
    }

    public boolean active() {
        return clearedNanos < 0;
    }

    /**
     * Whether a connection made at {@code nanos} is a victim too: the proxy's relay accepts a client
     * during its own fault and cuts the new connection like the old one (the kernel lets none be made).
     */
    boolean catchesConnectionMadeAt(long nanos) {
        return "proxy".equals(backend) && kind.network() && nanos >= t0Nanos && (active() || nanos < clearedNanos);
    }

    /**
     * From when a target's new connection counts as its recovery: after the plug-in for a fault that cuts
     * the path (a connection made before goes nowhere, to the proxy's relay at best), after t0 for the
     * others; -1 while a cut lasts, as nobody can be back yet.
     */
    long recoveryFromNanos() {
        if (kind.dropsToServer() || kind.dropsToClient()) {
            return clearedNanos;
        }
        return t0Nanos;
    }

    void cleared(long nanos) {
        if (clearedNanos < 0) {
            clearedNanos = nanos;
        }
    }

    @Override
    public String toString() {
        return name() + " " + kind + " on " + targets + " (" + backend + ")";
    }
}
