package lab.heartbeat.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Reading JSON bodies and writing JSON answers, errors included, on the JDK's HTTP server. */
final class Exchanges {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 64 * 1024;

    private Exchanges() {
    }

    /** The body as a JSON object whose fields are all among {@code allowed}; a 400 names what is wrong. */
    static ObjectNode objectBody(HttpExchange exchange, Set<String> allowed) throws IOException, ApiError {
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readNBytes(MAX_BODY + 1);
        }
        if (bytes.length > MAX_BODY) {
            throw new ApiError(413, "the body is larger than " + MAX_BODY + " bytes");
        }
        JsonNode body;
        try {
            body = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new ApiError(400, "not valid JSON: " + e.getOriginalMessage());
        }
        if (body == null || !body.isObject()) {
            throw new ApiError(400, "the body must be a JSON object with the fields " + allowed);
        }
        for (var names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new ApiError(400, "unknown field '" + name + "'; expected one of " + allowed, name);
            }
        }
        return (ObjectNode) body;
    }

    static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void sendError(HttpExchange exchange, ApiError error) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error.getMessage());
        if (error.field() != null) {
            body.put("field", error.field());
        }
        send(exchange, error.status(), body);
    }

    static ApiError methodNotAllowed(HttpExchange exchange, String allowed) {
        exchange.getResponseHeaders().set("Allow", allowed);
        return new ApiError(405, exchange.getRequestMethod() + " is not allowed on " + exchange.getRequestURI().getPath()
                + "; allowed: " + allowed);
    }

    static ApiError notFound(HttpExchange exchange) {
        return new ApiError(404, "no such resource: " + exchange.getRequestURI().getPath()
                + " (see docs/API.md: /lab, /clients, /faults, /events)");
    }
}
