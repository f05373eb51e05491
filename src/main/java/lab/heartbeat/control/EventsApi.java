package lab.heartbeat.control;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import lab.heartbeat.lab.EventFormat;
import lab.heartbeat.lab.Lab;
import lab.heartbeat.telemetry.LabEvent;

/**
 * {@code GET /events}: the lab's events as NDJSON, the {@code --json} lines, from now until the
 * reader goes (seen at the next write), falls too far behind, or the API stops.
 */
final class EventsApi extends JsonHandler {
    private static final int BACKLOG = 10_000;
    private static final long POLL_MS = 200;

    private final EventFormat format;
    private volatile boolean stopping;

    EventsApi(Lab lab) {
        super("/events", lab);
        this.format = new EventFormat(lab.telemetry().timeBase());
    }

    @Override
    void answer(HttpExchange exchange, List<String> segments) throws IOException, ApiError, InterruptedException {
        if (!segments.isEmpty()) {
            throw Exchanges.notFound(exchange);
        }
        if (!exchange.getRequestMethod().equals("GET")) {
            throw Exchanges.methodNotAllowed(exchange, "GET");
        }
        BlockingQueue<LabEvent> queue = new ArrayBlockingQueue<>(BACKLOG);
        AtomicBoolean overflow = new AtomicBoolean();
        Consumer<LabEvent> subscriber = e -> {
            if (!queue.offer(e)) {
                overflow.set(true);
            }
        };
        lab.telemetry().events().subscribe(subscriber);
        try {
            exchange.getResponseHeaders().set("Content-Type", "application/x-ndjson");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            // The headers go out now: JDK 25's server holds them until the first flush, and a reader
            // that waits for the response before it makes anything happen would wait forever.
            out.flush();
            while (!stopping && !overflow.get()) {
                LabEvent event = queue.poll(POLL_MS, TimeUnit.MILLISECONDS);
                if (event != null) {
                    out.write(Exchanges.JSON.writeValueAsBytes(format.toJson(event)));
                    out.write('\n');
                    out.flush();
                }
            }
            out.close();
        } catch (IOException readerGone) {
            // The reader closed the stream: its subscription ends below, nothing else to do.
        } finally {
            lab.telemetry().events().unsubscribe(subscriber);
        }
    }

    /** Ends every stream within one poll, so that the server can stop. */
    void stop() {
        stopping = true;
    }
}
