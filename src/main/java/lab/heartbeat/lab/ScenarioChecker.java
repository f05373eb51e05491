package lab.heartbeat.lab;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lab.heartbeat.detect.Durations;
import lab.heartbeat.detect.KeepaliveParams;
import lab.heartbeat.detect.Preset;
import lab.heartbeat.detect.Presets;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.detect.ProfileKind;
import lab.heartbeat.detect.SweepParams;
import lab.heartbeat.fault.FaultBackendChoice;
import lab.heartbeat.fault.Latency;
import lab.heartbeat.lab.Scenario.GroupSpec;
import lab.heartbeat.lab.Scenario.ServerSpec;
import lab.heartbeat.lab.Scenario.Step;
import lab.heartbeat.lab.ScenarioPlan.PlannedStep;
import lab.heartbeat.telemetry.TelemetryConfig;
import lab.heartbeat.transport.ServerSettings;

/** The checks that need the whole scenario, each pointing at the line to fix. */
final class ScenarioChecker {
    /** As the client command's {@code --count}: more would exhaust file descriptors, not teach anything. */
    static final int MAX_CLIENTS = 100_000;

    private final Path file;
    private final YamlLocator locator;
    private final Scenario scenario;

    ScenarioChecker(Path file, YamlLocator locator, Scenario scenario) {
        this.file = file;
        this.locator = locator;
        this.scenario = scenario;
    }

    private ScenarioException error(String pointer, String problem) {
        return new ScenarioException(file, locator.lineOf(pointer), YamlLocator.fieldName(pointer), problem);
    }

    ScenarioPlan plan() throws ScenarioException {
        if (scenario.duration() == null) {
            throw error("", "duration is required, e.g. 'duration: 20s'");
        }
        if (scenario.duration().isNegative() || scenario.duration().isZero()) {
            throw error("/duration", "must be positive: " + Durations.format(scenario.duration()));
        }
        ServerSettings server = server(scenario.server());
        Map<String, Profile> groupProfiles = new HashMap<>();
        List<ClientGroup> groups = new ArrayList<>();
        for (int i = 0; i < scenario.clients().size(); i++) {
            GroupSpec g = scenario.clients().get(i);
            String at = "/clients/" + i;
            if (g.name() == null) {
                throw error(at, "name is required");
            }
            if (groupProfiles.containsKey(g.name())) {
                throw error(at + "/name", "a group named '" + g.name() + "' is already defined");
            }
            Profile profile = profile(at, g.profile(), g.preset(), g.parameters());
            int count = g.count() == null ? 1 : g.count();
            if (count > MAX_CLIENTS) {
                throw error(at + "/count", "at most " + MAX_CLIENTS + " clients in a group: " + count);
            }
            try {
                groups.add(new ClientGroup(g.name(), count, profile));
            } catch (IllegalArgumentException e) {
                throw error(at, e.getMessage());
            }
            groupProfiles.put(g.name(), profile);
        }
        List<PlannedStep> steps = new ArrayList<>();
        Set<String> names = new HashSet<>(groupProfiles.keySet());
        for (ClientGroup g : groups) {
            for (int n = 1; n <= g.count(); n++) {
                names.add(ClientNames.of(g.name(), n));
            }
        }
        List<Step> timeline = scenario.timeline();
        for (int i = 0; i < timeline.size(); i++) {
            steps.add(step("/timeline/" + i, timeline.get(i), groupProfiles, names));
        }
        steps.sort(Comparator.comparing(PlannedStep::at));
        FaultBackendChoice backend;
        try {
            backend = scenario.faultBackend() == null ? FaultBackendChoice.AUTO
                    : FaultBackendChoice.ofLabel(scenario.faultBackend());
        } catch (IllegalArgumentException e) {
            throw error("/faultBackend", e.getMessage());
        }
        LabConfig config = new LabConfig(server, null, groups, TelemetryConfig.defaults(), 2,
                Duration.ofMillis(200), scenario.seed(), backend, false);
        return new ScenarioPlan(file, scenario, config, steps);
    }

    private ServerSettings server(ServerSpec s) throws ScenarioException {
        Preset preset = preset("/server/preset", s.preset() == null ? "teaching" : s.preset());
        try {
            SweepParams sweep = preset.sweep();
            if (s.sweep() != null) {
                sweep = SweepParams.over(sweep, s.sweep().interval(), s.sweep().misses());
            }
            if (Boolean.TRUE.equals(s.sweepOff())) {
                sweep = null;
            }
            KeepaliveParams keepalive = preset.serverKeepalive();
            if (s.keepalive() != null) {
                keepalive = KeepaliveParams.over(keepalive, s.keepalive().idle(), s.keepalive().interval(),
                        s.keepalive().count());
            }
            return new ServerSettings(s.bind() == null ? "127.0.0.1" : s.bind(), s.port() == null ? 0 : s.port(),
                    sweep, keepalive, lab.heartbeat.protocol.FrameDecoder.DEFAULT_MAX_FRAME_BYTES,
                    Duration.ofMillis(200));
        } catch (IllegalArgumentException e) {
            throw error("/server", e.getMessage());
        }
    }

    private Preset preset(String pointer, String name) throws ScenarioException {
        try {
            return Presets.byName(name);
        } catch (IllegalArgumentException e) {
            throw error(pointer, e.getMessage());
        }
    }

    private Profile profile(String at, String kindName, String presetName, Map<String, String> parameters)
            throws ScenarioException {
        Preset preset = preset(at + "/preset", presetName == null ? "teaching" : presetName);
        ProfileKind kind;
        try {
            kind = kindName == null ? preset.defaultKind() : ProfileKind.ofLabel(kindName);
        } catch (IllegalArgumentException e) {
            throw error(at + "/profile", e.getMessage());
        }
        try {
            Profile profile = Profile.of(kind, preset);
            return parameters == null ? profile : profile.withOverrides(parameters);
        } catch (IllegalArgumentException e) {
            throw error(at + "/parameters" + keyNamedIn(e.getMessage(), parameters), e.getMessage());
        }
    }

    /** The override a validation message is about, so the error can point at its own line. */
    private static String keyNamedIn(String message, Map<String, String> parameters) {
        if (parameters == null || message == null) {
            return "";
        }
        return parameters.keySet().stream()
                .filter(k -> message.startsWith(k) || message.contains("'" + k + "'"))
                .findFirst().map(k -> "/" + k).orElse("");
    }

    PlannedStep step(String at, Step s, Map<String, Profile> groupProfiles, Set<String> names)
            throws ScenarioException {
        if (s.at() == null) {
            throw error(at, "at is required, e.g. 'at: 5s'");
        }
        if (s.at().isNegative() || s.at().compareTo(scenario.duration()) > 0) {
            throw error(at + "/at", "must lie within the scenario's duration of "
                    + Durations.format(scenario.duration()) + ": " + Durations.format(s.at()));
        }
        if (s.action() == null) {
            throw error(at, "do is required, e.g. 'do: server-restart'");
        }
        ActionKind action;
        try {
            action = ActionKind.ofLabel(s.action());
        } catch (IllegalArgumentException e) {
            throw error(at + "/do", e.getMessage());
        }
        String target = s.target() == null ? ClientNames.ALL : s.target();
        int count = s.count() == null ? 1 : s.count();
        Duration down = s.down() == null ? Duration.ofSeconds(1) : s.down();
        Latency latency = Latency.NONE;
        Profile profile = null;
        switch (action) {
            case LATENCY -> {
                try {
                    latency = new Latency(s.delay() == null ? Duration.ofMillis(100) : s.delay(),
                            s.jitter() == null ? Duration.ZERO : s.jitter());
                } catch (IllegalArgumentException e) {
                    throw error(at + (s.jitter() != null ? "/jitter" : "/delay"), e.getMessage());
                }
                checkTargets(at, target, groupProfiles, names);
            }
            case SEND_DATA -> {
                if (count < 1 || count > 100_000) {
                    throw error(at + "/count", "must be between 1 and 100000: " + count);
                }
                checkTargets(at, target, groupProfiles, names);
            }
            case SERVER_RESTART -> {
                if (down.isNegative()) {
                    throw error(at + "/down", "must be zero or positive: " + Durations.format(down));
                }
            }
            case ADD_CLIENTS -> {
                if (count < 1 || count > MAX_CLIENTS) {
                    throw error(at + "/count", "must be between 1 and " + MAX_CLIENTS + ": " + count);
                }
                if (!target.matches("[A-Za-z0-9_.-]+")) {
                    throw error(at + "/target", "add-clients needs a group name as target: " + target);
                }
                boolean own = s.profile() != null || s.preset() != null || s.parameters() != null;
                profile = own || !groupProfiles.containsKey(target)
                        ? profile(at, s.profile(), s.preset(), s.parameters())
                        : groupProfiles.get(target);
                groupProfiles.putIfAbsent(target, profile);
                names.add(target);
            }
            default -> checkTargets(at, target, groupProfiles, names);
        }
        return new PlannedStep(s.at(), action, target, count, down, latency, profile);
    }

    private void checkTargets(String at, String target, Map<String, Profile> groupProfiles, Set<String> names)
            throws ScenarioException {
        for (String t : ClientNames.parts(target)) {
            if (!ClientNames.ALL.equals(t) && !names.contains(t)) {
                throw error(at + "/target", "no group or client named '" + t + "'; groups: "
                        + groupProfiles.keySet().stream().sorted().toList());
            }
        }
    }
}
