package lab.heartbeat.control;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import lab.heartbeat.lab.Lab;

/** {@code GET /lab}: what the lab is and how long it has run. */
final class LabApi extends JsonHandler {

    LabApi(Lab lab) {
        super("/lab", lab);
    }

    @Override
    void answer(HttpExchange exchange, List<String> segments) throws IOException, ApiError {
        if (!segments.isEmpty()) {
            throw Exchanges.notFound(exchange);
        }
        if (!exchange.getRequestMethod().equals("GET")) {
            throw Exchanges.methodNotAllowed(exchange, "GET");
        }
        double uptimeMs = Math.round((lab.telemetry().now() - lab.telemetry().startNanos()) / 1e3) / 1e3;
        Exchanges.send(exchange, 200, new LabJson(LabJson.HEARTBEAT_LAB, uptimeMs, lab.transport().label(),
                lab.faultBackend(), lab.namespace().label(), lab.target().getPort()));
    }
}
