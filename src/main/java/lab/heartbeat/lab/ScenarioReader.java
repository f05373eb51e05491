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
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.lab.Scenario.Step;
import lab.heartbeat.lab.ScenarioPlan.PlannedStep;
import java.util.Map;
import lab.heartbeat.detect.Durations;

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
        } catch (CharacterCodingException e) {
            throw new ScenarioException(file, 0, null, "not UTF-8 text; save the scenario as UTF-8");
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
        return new ScenarioChecker(file, new YamlLocator(text), scenario).plan();
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
        return new ScenarioChecker(file, new YamlLocator(json), alone).step("", now, new HashMap<>(groups),
                new HashSet<>(names));
    }

    private static <T> T read(Path file, String text, Class<T> type) throws ScenarioException {
        try {
            return YAML.readValue(text, type);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof JsonProcessingException syntax && !(syntax instanceof JsonMappingException)) {
                throw fromSyntax(file, syntax);
            }
            throw fromMapping(file, text, e);
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

    private static ScenarioException fromMapping(Path file, String text, JsonMappingException e) {
        JsonLocation at = e.getLocation();
        int line = at == null ? 0 : at.getLineNr();
        String field = YamlLocator.fieldName(pointerOf(e));
        String problem = e.getOriginalMessage();
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            problem = e.getCause().getMessage();
        } else if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            problem = "unknown field '" + u.getPropertyName() + "'; expected one of " + u.getKnownPropertyIds();
            // A record's fields are buffered until its end, where Jackson then stands.
            line = new YamlLocator(text).lineOf(pointerOf(e));
        } else if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m
                && m.getTargetType() != null) {
            problem = "expected " + describe(m.getTargetType()) + (problem == null ? "" : " (" + firstLine(problem) + ")");
        }
        return new ScenarioException(file, line, field, firstLine(problem));
    }

    private static String pointerOf(JsonMappingException e) {
        StringBuilder s = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            s.append('/').append(r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()));
        }
        return s.toString();
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
}
