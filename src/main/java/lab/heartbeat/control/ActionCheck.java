package lab.heartbeat.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.lab.Lab;
import lab.heartbeat.lab.ScenarioException;
import lab.heartbeat.lab.ScenarioPlan.PlannedStep;
import lab.heartbeat.lab.ScenarioReader;
import lab.heartbeat.transport.ReconnectingClient;

/**
 * A request body checked as the scenario timeline's step it stands for, against the lab's groups
 * and clients as they are now: the same rules and messages as a scenario file's.
 */
final class ActionCheck {
    private ActionCheck() {
    }

    /**
     * The step, or a 400 that names the field in the request's own words ({@code renamed} maps a
     * step's field, such as {@code do}, to the body's, such as {@code kind}).
     */
    static PlannedStep check(Lab lab, String source, ObjectNode step, Map<String, String> renamed) throws ApiError {
        Map<String, String> groups = lab.groups();
        Map<String, Profile> profiles = new HashMap<>();
        for (ReconnectingClient c : lab.clients()) {
            String group = groups.get(c.name());
            if (group != null) {
                profiles.putIfAbsent(group, c.profile());
            }
        }
        Set<String> names = new HashSet<>(groups.keySet());
        names.addAll(groups.values());
        try {
            return ScenarioReader.action(source, step.toString(), profiles, names);
        } catch (ScenarioException e) {
            String field = e.field() == null || e.field().isEmpty() ? null : e.field();
            String problem = e.problem();
            for (var r : renamed.entrySet()) {
                problem = problem.replace("'" + r.getKey() + "'", "'" + r.getValue() + "'");
                if (field != null && (field.equals(r.getKey()) || field.startsWith(r.getKey() + "."))) {
                    field = r.getValue() + field.substring(r.getKey().length());
                }
            }
            throw new ApiError(400, problem, field);
        }
    }
}
