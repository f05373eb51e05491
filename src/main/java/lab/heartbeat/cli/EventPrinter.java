package lab.heartbeat.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.Set;
import java.util.function.Consumer;
import lab.heartbeat.lab.EventFormat;
import lab.heartbeat.telemetry.EventKind;
import lab.heartbeat.telemetry.LabEvent;
import lab.heartbeat.telemetry.TimeBase;

/**
 * Prints events as they happen: one JSON object per line with {@code --json}, otherwise one line
 * of text. Runs on the event log's dispatch thread, never on an event loop.
 */
final class EventPrinter implements Consumer<LabEvent> {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Text mode leaves out the state changes that every reconnect makes; JSON keeps everything. */
    private static final Set<EventKind> QUIET = Set.of(EventKind.STATE_CHANGED);

    private final PrintWriter out;
    private final boolean json;
    private final EventFormat format;

    EventPrinter(PrintWriter out, boolean json, TimeBase time) {
        this.out = out;
        this.json = json;
        this.format = new EventFormat(time);
    }

    @Override
    public void accept(LabEvent event) {
        if (json) {
            try {
                out.println(JSON.writeValueAsString(format.toJson(event)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write event as JSON", e);
            }
        } else if (!QUIET.contains(event.kind())) {
            out.println(format.toLine(event));
        }
        out.flush();
    }
}
