package lab.heartbeat.lab;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * One event as JSON: a {@code --json} line and an entry of report.json's {@code events}, as
 * docs/report.schema.json describes it. {@code side}, {@code client} and {@code connection} are
 * always there (null when the event has none); the other groups only when they apply.
 */
public record EventJson(
        String time,
        long t,
        String event,
        String side,
        String client,
        String connection,
        @JsonInclude(JsonInclude.Include.NON_NULL) String cause,
        @JsonUnwrapped Timing timing,
        @JsonUnwrapped Retry retry,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer port,
        @JsonInclude(JsonInclude.Include.NON_NULL) String detail) {

    /**
     * A detection's delays after {@code since} (a fault's id or {@code last-frame}); the predicted
     * ones null when theory has no figure. {@code predictedWindowMs} is [lo, hi].
     */
    public record Timing(Long measuredMs, Long predictedMs, List<Long> predictedWindowMs, String since) {
    }

    /** A reconnect attempt: its number and the backoff before it. */
    public record Retry(int attempt, Long delayMs) {
    }
}
