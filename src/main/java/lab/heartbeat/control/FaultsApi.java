package lab.heartbeat.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lab.heartbeat.fault.FaultException;
import lab.heartbeat.fault.FaultKind;
import lab.heartbeat.lab.ActionKind;
import lab.heartbeat.lab.FaultRecord;
import lab.heartbeat.lab.Lab;
import lab.heartbeat.lab.Report;
import lab.heartbeat.lab.ScenarioPlan.PlannedStep;

/** {@code /faults}: make a fault as a scenario action would, list them, clear one, read its race. */
final class FaultsApi extends JsonHandler {
    private static final Set<String> FIELDS = Set.of("kind", "target", "delay", "jitter", "down");


    FaultsApi(Lab lab) {
        super("/faults", lab);
    }

    @Override
    void answer(HttpExchange exchange, List<String> segments) throws IOException, ApiError, InterruptedException {
        String method = exchange.getRequestMethod();
        if (segments.isEmpty()) {
            switch (method) {
                case "GET" -> Exchanges.send(exchange, 200, lab.faults().stream().map(this::view).toList());
                case "POST" -> Exchanges.send(exchange, 201, view(make(Exchanges.objectBody(exchange, FIELDS))));
                default -> throw Exchanges.methodNotAllowed(exchange, "GET, POST");
            }
        } else if (segments.size() == 1) {
            FaultRecord fault = find(segments.get(0));
            switch (method) {
                case "GET" -> Exchanges.send(exchange, 200, view(fault));
                case "DELETE" -> Exchanges.send(exchange, 200, view(clear(fault)));
                default -> throw Exchanges.methodNotAllowed(exchange, "GET, DELETE");
            }
        } else if (segments.size() == 2 && segments.get(1).equals("race")) {
            FaultRecord fault = find(segments.get(0));
            if (!method.equals("GET")) {
                throw Exchanges.methodNotAllowed(exchange, "GET");
            }
            var race = lab.races().stream().filter(r -> r.fault().id() == fault.id()).findFirst()
                    .orElseThrow(() -> new ApiError(404, "no race for " + fault.name()));
            Exchanges.send(exchange, 200, Report.fault(race, lab.telemetry().startNanos(),
                    fault.hitAmong(lab.telemetry().dataByConnection())));
        } else {
            throw Exchanges.notFound(exchange);
        }
    }

    private FaultRecord make(ObjectNode body) throws ApiError, InterruptedException {
        if (!body.hasNonNull("kind")) {
            throw new ApiError(400, "kind is required, one of " + faultKinds(), "kind");
        }
        ObjectNode step = body.deepCopy();
        step.set("do", step.remove("kind"));
        PlannedStep checked = ActionCheck.check(lab, "POST /faults", step, Map.of("do", "kind"));
        FaultKind kind = checked.action().fault();
        if (kind == null) {
            throw new ApiError(400, "'" + checked.action().label() + "' makes no fault; expected one of "
                    + faultKinds() + " (DELETE /faults/{id} clears one)", "kind");
        }
        try {
            return switch (kind) {
                case SERVER_RESTART -> lab.restartServer(checked.down());
                case LATENCY -> lab.inject(kind, checked.target(), checked.latency());
                default -> lab.inject(kind, checked.target(), null);
            };
        } catch (FaultException | IllegalStateException e) {
            throw new ApiError(409, e.getMessage());
        }
    }

    private static List<String> faultKinds() {
        return Arrays.stream(ActionKind.values()).filter(a -> a.fault() != null).map(ActionKind::label).toList();
    }

    private FaultRecord clear(FaultRecord fault) throws ApiError {
        if (!fault.active()) {
            throw new ApiError(409, fault.name() + " is cleared already");
        }
        String targets = String.join(",", fault.targets());
        try {
            if (fault.kind().network()) {
                lab.plugIn(targets);
            } else if (fault.kind() == FaultKind.FREEZE_CLIENT || fault.kind() == FaultKind.FREEZE_SERVER) {
                lab.unfreeze(targets);
            } else {
                throw new ApiError(409, fault.name() + " (" + fault.kind().label() + ") is over at once: nothing to clear");
            }
        } catch (FaultException e) {
            throw new ApiError(409, e.getMessage());
        }
        return fault;
    }

    private FaultRecord find(String id) throws ApiError {
        String number = id.startsWith("fault-") ? id.substring("fault-".length()) : id;
        return lab.faults().stream().filter(f -> String.valueOf(f.id()).equals(number)).findFirst()
                .orElseThrow(() -> new ApiError(404, "no fault '" + id + "'"));
    }

    private FaultJson view(FaultRecord f) {
        return FaultJson.of(f, lab.telemetry().startNanos());
    }
}
