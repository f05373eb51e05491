package lab.heartbeat.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lab.heartbeat.lab.Lab;
import lab.heartbeat.lab.ScenarioPlan.PlannedStep;

/** {@code /clients}: list the clients with their counters, add a group's clients, remove one. */
final class ClientsApi extends JsonHandler {
    private static final int MAX_COUNT = 100_000;
    private static final Set<String> FIELDS = Set.of("group", "count", "profile", "preset", "parameters");


    ClientsApi(Lab lab) {
        super("/clients", lab);
    }

    @Override
    void answer(HttpExchange exchange, List<String> segments) throws IOException, ApiError, InterruptedException {
        String method = exchange.getRequestMethod();
        if (segments.isEmpty()) {
            switch (method) {
                case "GET" -> Exchanges.send(exchange, 200, list());
                case "POST" -> Exchanges.send(exchange, 201, add(Exchanges.objectBody(exchange, FIELDS)));
                default -> throw Exchanges.methodNotAllowed(exchange, "GET, POST");
            }
        } else if (segments.size() == 1) {
            if (!method.equals("DELETE")) {
                throw Exchanges.methodNotAllowed(exchange, "DELETE");
            }
            Exchanges.send(exchange, 200, remove(segments.get(0)));
        } else {
            throw Exchanges.notFound(exchange);
        }
    }

    private List<ClientJson> list() {
        Map<String, String> groups = lab.groups();
        return lab.telemetry().snapshot().clients().stream().filter(c -> groups.containsKey(c.client()))
                .map(c -> ClientJson.of(c, groups.get(c.client()))).toList();
    }

    private Map<String, Object> add(ObjectNode body) throws ApiError {
        if (!body.hasNonNull("group")) {
            throw new ApiError(400, "group is required: the group to add the clients to (new or existing)", "group");
        }
        if (body.has("count") && body.get("count").canConvertToInt()
                && (body.get("count").asInt() < 1 || body.get("count").asInt() > MAX_COUNT)) {
            throw new ApiError(400, "must be between 1 and " + MAX_COUNT + ": " + body.get("count").asInt(), "count");
        }
        ObjectNode step = body.deepCopy();
        step.set("target", step.remove("group"));
        step.put("do", "add-clients");
        PlannedStep checked = ActionCheck.check(lab, "POST /clients", step, Map.of("target", "group"));
        List<String> added = lab.addClients(checked.target(), checked.count(), checked.profile());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("group", checked.target());
        m.put("profile", checked.profile().name());
        m.put("clients", added);
        return m;
    }

    private Map<String, Object> remove(String name) throws ApiError, InterruptedException {
        if (!lab.groups().containsKey(name)) {
            throw new ApiError(404, "no client named '" + name + "'");
        }
        lab.removeClients(List.of(name));
        return Map.of("removed", name);
    }
}
