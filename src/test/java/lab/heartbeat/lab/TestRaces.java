package lab.heartbeat.lab;

import java.util.List;
import java.util.Map;
import lab.heartbeat.detect.Cause;
import lab.heartbeat.detect.Prediction;
import lab.heartbeat.detect.Side;
import lab.heartbeat.fault.FaultKind;
import lab.heartbeat.telemetry.Detection;

/** Races made up for tests outside this package (a fault's record is the lab's to make). */
public final class TestRaces {
    private static final long MS = 1_000_000;

    private TestRaces() {
    }

    /** A fault made at {@code t0Ms} and cleared at {@code clearedMs} (negative: still on), in lab milliseconds. */
    public static FaultRecord fault(int id, FaultKind kind, String backend, List<String> targets, double t0Ms,
            double clearedMs) {
        FaultRecord f = new FaultRecord(id, kind, backend, targets, (long) (t0Ms * MS), 0, null);
        if (clearedMs >= 0) {
            f.cleared((long) (clearedMs * MS));
        }
        return f;
    }

    /** An end {@code ms} after the fault's t0, predicted at {@code predicted} (a point or window, ms after t0). */
    public static Detection end(FaultRecord f, String client, Side side, Cause cause, double ms, Prediction predicted) {
        return new Detection(f.t0Nanos() + (long) (ms * MS), side, client, client + ":1", cause, 0, 0, predicted, null,
                "test");
    }

    /** A prediction in ms after the fault's t0: a point when {@code lo == hi}. */
    public static Prediction predicted(FaultRecord f, double lo, double at, double hi) {
        long t0 = f.t0Nanos();
        return Prediction.window(t0 + (long) (lo * MS), t0 + (long) (at * MS), t0 + (long) (hi * MS));
    }

    /** The race of these ends, its clients back at the given ms after t0. */
    public static Race race(FaultRecord f, List<Detection> ends, Map<String, Double> backMs) {
        Map<String, Long> back = new java.util.HashMap<>();
        backMs.forEach((client, ms) -> back.put(client, f.t0Nanos() + (long) (ms * MS)));
        return new Race(f, ends, back);
    }
}
