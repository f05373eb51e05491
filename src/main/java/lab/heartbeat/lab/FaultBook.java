package lab.heartbeat.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lab.heartbeat.detect.Side;
import lab.heartbeat.telemetry.Detection;
import lab.heartbeat.telemetry.Telemetry.Reference;

/**
 * The faults of a lab and how each connection's end is attached to one: to the latest fault on
 * that client with t0 before the end, provided the connection already existed at t0 or was made
 * through the proxy's relay during the fault (any other connection made during a fault is not its
 * victim). Also when each target was back after each fault.
 */
final class FaultBook {
    private static final java.util.TreeSet<Long> EMPTY = new java.util.TreeSet<>();
    private final List<FaultRecord> faults = new ArrayList<>();

    /** Records the fault that {@code make} builds with the next id (1, 2, ...), taken under this book's lock. */
    synchronized FaultRecord add(java.util.function.IntFunction<FaultRecord> make) {
        FaultRecord fault = make.apply(faults.size() + 1);
        faults.add(fault);
        return fault;
    }

    synchronized List<FaultRecord> all() {
        return List.copyOf(faults);
    }

    synchronized List<FaultRecord> active(String client) {
        return faults.stream().filter(f -> f.active() && f.targets(client)).toList();
    }

    synchronized FaultRecord faultOf(Detection end) {
        for (int i = faults.size() - 1; i >= 0; i--) {
            FaultRecord f = faults.get(i);
            if (f.targets(end.client()) && f.t0Nanos() <= end.atNanos()
                    && (end.connectedNanos() < f.t0Nanos() || f.catchesConnectionMadeAt(end.connectedNanos()))) {
                return f;
            }
        }
        return null;
    }

    Reference referenceOf(Detection end) {
        FaultRecord f = faultOf(end);
        return f == null ? Reference.lastFrame(end) : new Reference(f.name(), f.t0Nanos());
    }

    /**
     * Every fault's race. {@code connectedSince} holds the clients connected now; with the client side's
     * ends it gives every connection each client made, so each fault gets its own recoveries.
     */
    List<Race> races(List<Detection> ends, Map<String, Long> connectedSince) {
        // One pass over the ends, each attached to its fault once.
        Map<FaultRecord, List<Detection>> byFault = new java.util.IdentityHashMap<>();
        Map<String, java.util.TreeSet<Long>> connects = new java.util.HashMap<>();
        for (Detection d : ends) {
            FaultRecord f = faultOf(d);
            if (f != null) {
                byFault.computeIfAbsent(f, k -> new ArrayList<>()).add(d);
            }
            if (d.side() == Side.CLIENT) {
                connects.computeIfAbsent(d.client(), c -> new java.util.TreeSet<>()).add(d.connectedNanos());
            }
        }
        connectedSince.forEach((client, since) -> connects.computeIfAbsent(client, c -> new java.util.TreeSet<>())
                .add(since));
        List<FaultRecord> all = all();
        List<Race> races = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            FaultRecord f = all.get(i);
            Map<String, Long> back = new java.util.HashMap<>();
            long from = f.recoveryFromNanos();
            for (String client : from < 0 ? List.<String>of() : f.targets()) {
                Long first = connects.getOrDefault(client, EMPTY).higher(from);
                if (first != null && first < nextFaultOn(client, all, i)) {
                    back.put(client, first);
                }
            }
            races.add(new Race(f, byFault.getOrDefault(f, List.of()), back));
        }
        return races;
    }

    /** The t0 of the next fault on this client after the i-th: a connection made later is that fault's business. */
    private static long nextFaultOn(String client, List<FaultRecord> all, int i) {
        for (int j = i + 1; j < all.size(); j++) {
            if (all.get(j).targets(client)) {
                return all.get(j).t0Nanos();
            }
        }
        return Long.MAX_VALUE;
    }
}
