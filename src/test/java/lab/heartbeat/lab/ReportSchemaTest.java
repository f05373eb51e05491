package lab.heartbeat.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import lab.heartbeat.telemetry.TimeBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.json and the {@code --json} event lines against docs/report.schema.json: a real run with a
 * fault, detections and DATA, serialized from the typed {@link Report} and {@link EventJson}.
 */
class ReportSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCHEMA = Path.of("docs/report.schema.json").toAbsolutePath();

    private static Schema report;
    private static Schema event;
    private static JsonNode written;

    @TempDir
    static Path dir;

    /** A frozen server: the clients' app heartbeat detects it. */
    @BeforeAll
    static void run() throws Exception {
        String text = Files.readString(SCHEMA);
        String id = JSON.readTree(text).get("$id").asText();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemas(java.util.Map.of(id, text)));
        report = registry.getSchema(SchemaLocation.of(id));
        event = registry.getSchema(SchemaLocation.of(id + "#/$defs/event"));
        Path scenario = dir.resolve("frozen.yaml");
        Files.writeString(scenario, """
                name: frozen
                duration: 6s
                seed: 1
                server: {port: 0, preset: teaching}
                clients:
                  - {name: hb, count: 2, profile: app-heartbeat, preset: teaching}
                timeline:
                  - {at: 500ms, do: send-data, target: all, count: 5}
                  - {at: 800ms, do: freeze-server}
                  - {at: 1s, do: send-data, target: all, count: 3}
                  - {at: 5s, do: unfreeze}
                """);
        RunResult result = ScenarioRunner.run(ScenarioReader.read(scenario), TimeBase.now(), e -> { },
                new SettledStart());
        ReportWriter.write(result, dir);
        written = JSON.readTree(dir.resolve(ReportWriter.REPORT).toFile());
    }

    private static List<String> errors(Schema schema, JsonNode node) {
        return schema.validate(node).stream().map(Error::toString).toList();
    }

    @Test
    void theReportOfARunWithAFaultDetectionsAndDataMatchesTheSchema() {
        assertThat(errors(report, written)).isEmpty();
        assertThat(written.get("faults")).isNotEmpty();
        assertThat(written.get("detections")).as("the frozen server is detected").isNotEmpty();
        assertThat(written.get("data").get("sent").asLong()).isEqualTo(2 * 8);
    }

    @Test
    void everyDetectionCarriesItsPredictedWindowAroundItsPoint() {
        List<JsonNode> entries = StreamSupport.stream(written.get("faults").spliterator(), false)
                .flatMap(f -> StreamSupport.stream(f.get("detections").spliterator(), false))
                .filter(d -> !d.get("mechanism").isNull()).toList();
        List<JsonNode> detections = StreamSupport.stream(written.get("detections").spliterator(), false).toList();
        List<JsonNode> events = StreamSupport.stream(written.get("events").spliterator(), false)
                .filter(e -> e.get("event").asText().equals("detected")).toList();
        assertThat(entries).isNotEmpty();
        assertThat(events).hasSameSizeAs(detections);
        for (List<JsonNode> group : List.of(entries, detections, events)) {
            assertThat(group).allSatisfy(d -> {
                JsonNode window = d.get("predictedWindowMs");
                assertThat(window.size()).as(d.toString()).isEqualTo(2);
                assertThat(window.get(0).asDouble()).as(d.toString())
                        .isLessThanOrEqualTo(d.get("predictedMs").asDouble());
                assertThat(window.get(1).asDouble()).as(d.toString())
                        .isGreaterThanOrEqualTo(d.get("predictedMs").asDouble());
            });
        }
    }

    @Test
    void eachEventLineMatchesTheEventSchema() throws Exception {
        assertThat(written.get("events")).allSatisfy(e ->
                assertThat(errors(event, JSON.readTree(JSON.writeValueAsString(e)))).as(e.toString()).isEmpty());
    }

    @Test
    void theSchemaRefusesAReportThatDriftsFromIt() {
        ObjectNode extra = written.deepCopy();
        extra.put("colour", "blue");
        assertThat(errors(report, extra)).as("an unknown field").isNotEmpty();

        ObjectNode noWindow = written.deepCopy();
        ((ObjectNode) noWindow.get("detections").get(0)).remove("predictedWindowMs");
        assertThat(errors(report, noWindow)).as("a detection without its window").isNotEmpty();

        ObjectNode noData = written.deepCopy();
        ((ObjectNode) ((ArrayNode) noData.get("faults")).get(0)).remove("data");
        assertThat(errors(report, noData)).as("a fault without its DATA").isNotEmpty();
    }
}
