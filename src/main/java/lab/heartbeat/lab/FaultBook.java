package lab.heartbeat.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import lab.heartbeat.detect.Side;
import lab.heartbeat.telemetry.Detection;
import lab.heartbeat.telemetry.Reference;

/**
 * The faults of a lab and how each connection's end is attached to one: to the latest fault on
 * that client with t0 before the end, provided the connection already existed at t0 or was made
 * through the proxy's relay during the fault (any other connection made during a fault is not its
 * victim). Also when each target was back after each fault.
 */
final class FaultBook {
    private static final TreeMap<Long, Long> EMPTY = new TreeMap<>();
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
        Map<String, TreeMap<Long, Long>> lives = new java.util.HashMap<>();
        for (Detection d : ends) {
            FaultRecord f = faultOf(d);
            if (f != null) {
                byFault.computeIfAbsent(f, k -> new ArrayList<>()).add(d);
            }
            if (d.side() == Side.CLIENT) {
                lives.computeIfAbsent(d.client(), c -> new TreeMap<>()).put(d.connectedNanos(), d.atNanos());
            }
        }
        connectedSince.forEach((client, since) -> lives.computeIfAbsent(client, c -> new TreeMap<>())
                .put(since, Long.MAX_VALUE));
        List<FaultRecord> all = all();
        List<Race> races = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            FaultRecord f = all.get(i);
            Map<String, Long> back = new java.util.HashMap<>();
            for (String client : f.targets()) {
                long when = recovery(f, lives.getOrDefault(client, EMPTY));
                if (when >= 0 && when < nextFaultOn(client, all, i)) {
                    back.put(client, when);
                }
            }
            races.add(new Race(f, byFault.getOrDefault(f, List.of()), back));
        }
        return races;
    }

    /**
     * When a client was back after a fault, from its connections (connect to end): the first connection made
     * from {@link FaultRecord#recoveryFromNanos()}, or the plug-in itself for a connection made to the
     * proxy's relay during the cut that was still up then (the relay forwards it from then on); -1 if none.
     */
    private static long recovery(FaultRecord f, TreeMap<Long, Long> lives) {
        long from = f.recoveryFromNanos();
        if (from < 0) {
            return -1;
        }
        if (from > f.t0Nanos()) {
            for (long end : lives.subMap(f.t0Nanos(), true, from, false).values()) {
                if (end > from) {
                    return from;
                }
            }
        }
        Long first = lives.higherKey(from);
        return first == null ? -1 : first;
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
