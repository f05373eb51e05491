package lab.heartbeat.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lab.heartbeat.detect.Cause;
import lab.heartbeat.detect.Prediction;
import lab.heartbeat.detect.Side;
import lab.heartbeat.fault.FaultKind;
import lab.heartbeat.telemetry.Detection;
import org.junit.jupiter.api.Test;

/** A race summed up by group of ends, with the project's one median rule. */
class RaceGroupsTest {
    private static final long MS = 1_000_000;
    private static final long T0 = 1_000 * MS;

    private static FaultRecord fault(List<String> targets) {
        return new FaultRecord(1, FaultKind.SERVER_RESTART, "in-process", targets, T0, 0, null);
    }

    private static Detection end(String client, Side side, Cause cause, double msAfterT0, Prediction predicted) {
        long at = T0 + (long) (msAfterT0 * MS);
        return new Detection(at, side, client, client + ":1", cause, 0, 0, predicted, null, "test");
    }

    @Test
    void endsGroupBySideAndMechanismOrCauseWithTheLowerMedianOfAnEvenCount() {
        List<Detection> ends = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ends.add(end("c-" + i, Side.CLIENT, Cause.PEER_CLOSED, 10 + 10 * i, Prediction.NONE));
        }
        ends.add(end("c-0", Side.SERVER, Cause.SERVER_SWEEP, 1800, Prediction.point(T0 + 1750 * MS)));
        ends.add(end("c-1", Side.SERVER, Cause.SERVER_SWEEP, 1700, Prediction.point(T0 + 1720 * MS)));
        Race race = new Race(fault(List.of("c-0", "c-1", "c-2", "c-3")), ends, Map.of());

        assertThat(RaceGroups.ends(race)).containsExactly(
                new RaceGroups.Ends("client peer-closed", "client", "peer-closed", false, 4, 10, 20, 40, Double.NaN),
                new RaceGroups.Ends("server server-sweep", "server", "server-sweep", true, 2, 1700, 1700, 1800, 50));
    }


}
