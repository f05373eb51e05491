package lab.heartbeat.control;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import lab.heartbeat.lab.Lab;

/**
 * One resource of the API: routes by the path's segments below its root and turns every refusal
 * into a JSON answer with its status; an unexpected failure is a 500 with its message.
 */
abstract class JsonHandler implements HttpHandler {
    private final String root;
    final Lab lab;

    JsonHandler(String root, Lab lab) {
        this.root = root;
        this.lab = lab;
    }

    String root() {
        return root;
    }

    @Override
    public final void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                String path = exchange.getRequestURI().getPath();
                if (!path.equals(root) && !path.startsWith(root + "/")) {
                    throw Exchanges.notFound(exchange);
                }
                List<String> segments = Arrays.stream(path.substring(root.length()).split("/"))
                        .filter(s -> !s.isEmpty()).toList();
                answer(exchange, segments);
            } catch (ApiError e) {
                Exchanges.sendError(exchange, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                Exchanges.sendError(exchange, new ApiError(503, "the control API is stopping"));
            } catch (RuntimeException e) {
                Exchanges.sendError(exchange, new ApiError(500, e.getMessage() == null ? e.toString() : e.getMessage()));
            }
        }
    }

    /** Answers a request whose path is the root followed by {@code segments}. */
    abstract void answer(HttpExchange exchange, List<String> segments)
            throws IOException, ApiError, InterruptedException;
}
