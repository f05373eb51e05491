package lab.heartbeat.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import lab.heartbeat.lab.EventJson;

/**
 * A remote lab's {@code GET /events} stream read on a thread of its own, one {@link EventJson} per
 * line, until it is closed (the stream and the thread end with it) or the lab goes.
 */
public final class EventFollower implements AutoCloseable {
    private final InputStream stream;
    private final Thread thread;
    private volatile boolean closing;
    private volatile boolean ended;

    private EventFollower(InputStream stream, Consumer<EventJson> onEvent, String address) {
        this.stream = stream;
        this.thread = new Thread(() -> read(onEvent), "events-" + address);
        thread.setDaemon(true);
    }

    static EventFollower start(String address, InputStream stream, Consumer<EventJson> onEvent) {
        EventFollower f = new EventFollower(stream, onEvent, address);
        f.thread.start();
        return f;
    }

    private void read(Consumer<EventJson> onEvent) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null && !closing; line = lines.readLine()) {
                if (!line.isBlank()) {
                    accept(line, onEvent);
                }
            }
        } catch (IOException e) {
            // The lab went, or close() ended the stream: either way the follower is over.
        } finally {
            ended = true;
        }
    }

    /** One line to the reader; a line that is no event is passed over, not the end of the stream. */
    private static void accept(String line, Consumer<EventJson> onEvent) {
        try {
            onEvent.accept(parse(line));
        } catch (JsonProcessingException | RuntimeException e) {
            System.getLogger(EventFollower.class.getName()).log(System.Logger.Level.DEBUG, "event passed over: " + line, e);
        }
    }

    /**
     * One line as the record it was written from. Jackson cannot read an {@code @JsonUnwrapped}
     * record component, so the unwrapped groups are read from the same object.
     */
    static EventJson parse(String line) throws JsonProcessingException {
        JsonNode n = RemoteLab.JSON.readTree(line);
        EventJson.Timing timing = n.has("since") || n.has("measuredMs")
                ? RemoteLab.JSON.treeToValue(n, EventJson.Timing.class) : null;
        EventJson.Retry retry = n.hasNonNull("attempt") ? RemoteLab.JSON.treeToValue(n, EventJson.Retry.class) : null;
        return new EventJson(text(n, "time"), n.path("t").asLong(), text(n, "event"), text(n, "side"),
                text(n, "client"), text(n, "connection"), text(n, "cause"), timing, retry,
                n.hasNonNull("port") ? n.get("port").asInt() : null, text(n, "detail"));
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    /** Whether the stream ended (the lab went, or the follower was closed). */
    public boolean ended() {
        return ended;
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        try {
            stream.close();
        } catch (IOException e) {
            // Closing is all that is wanted of the stream.
        }
        thread.interrupt();
        thread.join(5_000);
    }
}
