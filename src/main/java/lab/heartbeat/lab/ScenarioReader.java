package lab.heartbeat.lab;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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

/**
 * Reads a scenario from YAML and checks it completely before anything runs. Every problem is
 * reported as a {@link ScenarioException} naming the file, the line and the field.
 */
public final class ScenarioReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .registerModule(new SimpleModule().addDeserializer(Duration.class, new DurationDeserializer()));

    private ScenarioReader() {
    }

    public static ScenarioPlan read(Path file) throws ScenarioException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file, 0, null, "no such file");
        } catch (IOException e) {
            throw new ScenarioException(file, 0, null, "cannot read: " + e.getMessage());
        }
        return parse(file, text);
    }

    public static ScenarioPlan parse(Path file, String text) throws ScenarioException {
        Scenario scenario = read(file, text, Scenario.class);
        if (scenario == null) {
            throw new ScenarioException(file, 0, null, "the file is empty; a scenario needs at least a duration");
        }
        return new Checker(file, new YamlLocator(text), scenario).plan();
    }

    /**
     * One action given alone, as JSON (the control API's bodies): checked exactly as a timeline step,
     * against the groups and clients that exist now. {@code source} names the input in messages.
     */
    public static PlannedStep action(String source, String json, Map<String, Profile> groups, Set<String> names)
            throws ScenarioException {
        Path file = Path.of(source);
        Step step = read(file, json, Step.class);
        if (step == null) {
            throw new ScenarioException(file, 0, null, "the body is empty");
        }
        if (step.at() != null) {
            throw new ScenarioException(file, 0, "at", "an action given alone is taken at once; leave 'at' out");
        }
        Step now = new Step(Duration.ZERO, step.action(), step.target(), step.count(), step.down(), step.delay(),
                step.jitter(), step.profile(), step.preset(), step.parameters());
        Scenario alone = new Scenario(source, null, Duration.ofDays(36_500), null, null, null, null, List.of(now));
        return new Checker(file, new YamlLocator(json), alone).step("", now, new HashMap<>(groups),
                new HashSet<>(names));
    }

    private static <T> T read(Path file, String text, Class<T> type) throws ScenarioException {
        try {
            return YAML.readValue(text, type);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof JsonProcessingException syntax && !(syntax instanceof JsonMappingException)) {
                throw fromSyntax(file, syntax);
            }
            throw fromMapping(file, e);
        } catch (JsonProcessingException e) {
            throw fromSyntax(file, e);
        }
    }

    private static ScenarioException fromSyntax(Path file, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        // SnakeYAML's message spans lines, with "in 'reader', line n" between the parts.
        String problem = e.getOriginalMessage().lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("in '") && !l.startsWith("^"))
                .reduce((a, b) -> a + "; " + b).orElse("syntax error");
        return new ScenarioException(file, at == null ? 0 : at.getLineNr(), null, "not valid YAML: " + problem);
    }

    private static ScenarioException fromMapping(Path file, JsonMappingException e) {
        JsonLocation at = e.getLocation();
        String field = pathOf(e);
        String problem = e.getOriginalMessage();
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            problem = e.getCause().getMessage();
        } else if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            problem = "unknown field '" + u.getPropertyName() + "'; expected one of " + u.getKnownPropertyIds();
        } else if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m
                && m.getTargetType() != null) {
            problem = "expected " + describe(m.getTargetType()) + (problem == null ? "" : " (" + firstLine(problem) + ")");
        }
        return new ScenarioException(file, at == null ? 0 : at.getLineNr(), field, firstLine(problem));
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Duration.class) {
            return "a duration such as 500ms, 3s or 2m";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping of fields";
        }
        return type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid value";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder s = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                s.append(s.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                s.append('[').append(r.getIndex()).append(']');
            }
        }
        return s.toString();
    }

    /** Reads durations as people write them in the lab: 500ms, 3s, 2m. */
    private static final class DurationDeserializer extends JsonDeserializer<Duration> {
        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.currentToken().isScalarValue()) {
                throw JsonMappingException.from(p, "expected a duration such as 500ms, 3s or 2m");
            }
            String text = p.getValueAsString();
            try {
                return Durations.parse(text);
            } catch (IllegalArgumentException e) {
                throw JsonMappingException.from(p, e.getMessage());
            }
        }
    }

    /** The checks that need the whole scenario, each pointing at the line to fix. */
    private static final class Checker {
        private final Path file;
        private final YamlLocator locator;
        private final Scenario scenario;

        Checker(Path file, YamlLocator locator, Scenario scenario) {
            this.file = file;
            this.locator = locator;
            this.scenario = scenario;
        }

        private ScenarioException error(String pointer, String problem) {
            return new ScenarioException(file, locator.lineOf(pointer), YamlLocator.fieldName(pointer), problem);
        }

        ScenarioPlan plan() throws ScenarioException {
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
                    names.add(g.name() + "-" + n);
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
                    KeepaliveParams base = keepalive != null ? keepalive : KeepaliveParams.linuxDefaults();
                    keepalive = new KeepaliveParams(
                            s.keepalive().idle() != null ? s.keepalive().idle() : base.idle(),
                            s.keepalive().interval() != null ? s.keepalive().interval() : base.interval(),
                            s.keepalive().count() != null ? s.keepalive().count() : base.count());
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

        private PlannedStep step(String at, Step s, Map<String, Profile> groupProfiles, Set<String> names)
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
            String target = s.target() == null ? "all" : s.target();
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
                    if (count < 1) {
                        throw error(at + "/count", "must be at least 1: " + count);
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
            for (String one : target.split(",")) {
                String t = one.strip();
                if (!"all".equals(t) && !names.contains(t)) {
                    throw error(at + "/target", "no group or client named '" + t + "'; groups: "
                            + groupProfiles.keySet().stream().sorted().toList());
                }
            }
        }
    }
}
