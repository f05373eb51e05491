package lab.heartbeat.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import lab.heartbeat.lab.EventJson;
import org.junit.jupiter.api.Test;

/** The {@code GET /events} lines read back into the records they were written from. */
class EventFollowerTest {

    @Test
    void aDetectionLineKeepsItsUnwrappedTimingAndALineThatIsNoEventIsPassedOver() throws Exception {
        String lines = """
                {"time":"2026-12-02T16:00:01Z","t":1234,"event":"detected","side":"client","client":"hb-1",\
                "connection":"hb-1:4000","cause":"app-heartbeat","measuredMs":1128,"predictedMs":1127,\
                "predictedWindowMs":[1127,1127],"since":"fault-1","detail":"no frame"}
                not json
                {"time":"2026-12-02T16:00:02Z","t":1500,"event":"reconnect-attempt","side":"client","client":"hb-1",\
                "connection":null,"attempt":2,"delayMs":400}
                """;
        List<EventJson> seen = new CopyOnWriteArrayList<>();

        EventFollower f = EventFollower.start("test", new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)),
                seen::add);

        await().atMost(Duration.ofSeconds(10)).until(f::ended);
        f.close();
        assertThat(seen).hasSize(2);
        EventJson detected = seen.get(0);
        assertThat(detected.t()).isEqualTo(1234);
        assertThat(detected.cause()).isEqualTo("app-heartbeat");
        assertThat(detected.timing()).isEqualTo(new EventJson.Timing(1128L, 1127L, List.of(1127L, 1127L), "fault-1"));
        assertThat(detected.retry()).isNull();
        assertThat(seen.get(1).retry()).isEqualTo(new EventJson.Retry(2, 400L));
        assertThat(seen.get(1).timing()).isNull();
    }
}
