package lab.heartbeat.ui.connections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lab.heartbeat.detect.Cause;
import lab.heartbeat.detect.Prediction;
import lab.heartbeat.detect.Side;
import lab.heartbeat.telemetry.Detection;
import lab.heartbeat.ui.lab.RaceSnapshot;
import org.junit.jupiter.api.Test;

class DetectionDelaysTest {
    private final DetectionDelays delays = new DetectionDelays();

    @Test
    void aDetectionOfAFaultReadsAsTheRaceDoesAfterTheFaultsT0() {
        Detection d = detection(1_000_000_000L);
        int before = delays.version();
        delays.races(List.of(new RaceSnapshot(RaceSnapshot.LIVE, 2, "cable-pull", "kernel", List.of("c-1"), 1.2, Double.NaN,
                List.of(new RaceSnapshot.Entry("c-1", "c-1:1", "client", "app-heartbeat", "app-heartbeat", 3807.4, 3800,
                        3800, 3800, "client app-heartbeat")), java.util.Map.of(), List.of(), List.of())));
        assertThat(delays.version()).isNotEqualTo(before);
        assertThat(delays.label(d)).isEqualTo("app-heartbeat 3807.4 ms after fault-2");
    }

    @Test
    void otherwiseItSaysItCountsFromTheLastFrameOrFromTheConnect() {
        assertThat(delays.label(detection(1_000_000_000L))).isEqualTo("app-heartbeat 4000.0 ms after last frame");
        assertThat(delays.label(detection(0))).isEqualTo("app-heartbeat 4500.0 ms after connect");
        assertThat(delays.label(null)).isEmpty();
    }

    private static Detection detection(long lastReceivedNanos) {
        return new Detection(5_000_000_000L, Side.CLIENT, "c-1", "c-1:1", Cause.APP_HEARTBEAT, 500_000_000L,
                lastReceivedNanos, Prediction.point(4_900_000_000L), null, "3 misses");
    }
}
