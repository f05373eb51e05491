package lab.heartbeat.control;

import java.util.List;
import lab.heartbeat.lab.FaultRecord;

/** One fault as {@code GET /faults} lists it: times in ms since the lab started, {@code cleared} null while it lasts. */
public record FaultJson(String id, String kind, String backend, List<String> targets, double t0, Double cleared) {

    static FaultJson of(FaultRecord f, long startNanos) {
        return new FaultJson(f.name(), f.kind().label(), f.backend(), f.targets(), ms(f.t0Nanos() - startNanos),
                f.active() ? null : ms(f.clearedNanos() - startNanos));
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 1e3) / 1e3;
    }

    public boolean active() {
        return cleared == null;
    }
}
