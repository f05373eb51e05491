package lab.heartbeat.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.concurrent.MockTicker;
import io.netty.util.concurrent.Ticker;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import lab.heartbeat.detect.ProfileKind;
import lab.heartbeat.fault.FaultBackendChoice;
import lab.heartbeat.fault.FaultKind;
import lab.heartbeat.telemetry.TimeBase;
import lab.heartbeat.testing.TeachingLab;
import org.junit.jupiter.api.Test;

/** A lab runs on the clock it is given, so a test knows the times its faults are recorded at. */
class LabClockTest {

    @Test
    void aFaultsTimesAreReadOnTheLabsClock() throws Exception {
        MockTicker clock = Ticker.newMockTicker();
        clock.advance(42, TimeUnit.SECONDS);
        var config = TeachingLab.config(FaultBackendChoice.NONE, Map.of("hb", TeachingLab.profile(ProfileKind.APP_HEARTBEAT)));
        try (Lab lab = Lab.start(config, clock, new TimeBase(clock.nanoTime(), Instant.now()))) {
            FaultRecord freeze = lab.inject(FaultKind.FREEZE_CLIENT, "hb", null);
            clock.advance(3, TimeUnit.SECONDS);
            lab.unfreeze("hb");

            assertThat(freeze.t0Nanos()).isEqualTo(clock.initialNanoTime() + TimeUnit.SECONDS.toNanos(42));
            assertThat(freeze.clearedNanos()).isEqualTo(clock.initialNanoTime() + TimeUnit.SECONDS.toNanos(45));
        }
    }
}
