package lab.heartbeat.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lab.heartbeat.telemetry.Detection;
import lab.heartbeat.telemetry.Telemetry.Reference;

/**
 * The faults of a lab and how each connection's end is attached to one: to the latest fault on
 * that client with t0 before the end, provided the connection already existed at t0 (a connection
 * made during the fault is not its victim).
 */
final class FaultBook {
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
                    && end.connectedNanos() < f.t0Nanos()) {
                return f;
            }
        }
        return null;
    }

    Reference referenceOf(Detection end) {
        FaultRecord f = faultOf(end);
        return f == null ? Reference.lastFrame(end) : new Reference(f.name(), f.t0Nanos());
    }

    List<Race> races(List<Detection> ends, Map<String, Long> connectedSince) {
        // One pass over the ends, each attached to its fault once.
        Map<FaultRecord, List<Detection>> byFault = new java.util.IdentityHashMap<>();
        for (Detection d : ends) {
            FaultRecord f = faultOf(d);
            if (f != null) {
                byFault.computeIfAbsent(f, k -> new ArrayList<>()).add(d);
            }
        }
        List<Race> races = new ArrayList<>();
        for (FaultRecord f : all()) {
            List<Detection> mine = byFault.getOrDefault(f, List.of());
            Map<String, Long> back = new java.util.HashMap<>();
            for (String client : f.targets()) {
                Long since = connectedSince.get(client);
                if (since != null && since > f.t0Nanos()) {
                    back.put(client, since);
                }
            }
            races.add(new Race(f, mine, back));
        }
        return races;
    }
}
