package lab.heartbeat.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import lab.heartbeat.detect.ProfileKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A scenario is checked whole before it runs, and every problem names the file, line and field. */
class ScenarioReaderTest {
    private static final Path FILE = Path.of("lab.yaml");

    private static final String GOOD = """
            name: demo
            duration: 10s
            server:
              port: 0
              sweep:
                interval: 1s
                misses: 3
            clients:
              - name: hb
                count: 3
                profile: app-heartbeat
                preset: teaching
                parameters:
                  heartbeatInterval: 250ms
            timeline:
              - at: 6s
                do: close
                target: hb-2
              - at: 2s
                do: server-restart
                down: 500ms
            """;

    @Test
    void aGoodScenarioBecomesALabConfigAndATimeOrderedPlan() throws Exception {
        ScenarioPlan plan = ScenarioReader.parse(FILE, GOOD);

        assertThat(plan.duration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(plan.config().server().port()).isZero();
        assertThat(plan.config().server().sweep().misses()).isEqualTo(3);
        ClientGroup hb = plan.config().groups().get(0);
        assertThat(hb.count()).isEqualTo(3);
        assertThat(hb.profile().kind()).isEqualTo(ProfileKind.APP_HEARTBEAT);
        assertThat(hb.profile().heartbeatInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(plan.steps()).extracting(s -> s.action().label()).containsExactly("server-restart", "close");
        assertThat(plan.steps().get(0).down()).isEqualTo(Duration.ofMillis(500));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown field        | duration: 5s\\nsevrer: {}                                  | 2 | sevrer                | unknown field 'sevrer'",
        "bad duration         | duration: 5 seconds                                         | 1 | duration              | bad duration '5 seconds'",
        "no duration          | name: x                                                     | 1 |                       | duration is required",
        "negative duration    | name: x\\nduration: -5s\\nseed: 1\\nclients: []                 | 2 | duration              | must be positive: -5s",
        "misspelt duration    | name: x\\ndurration: 5s\\nseed: 1                           | 2 | durration             | unknown field 'durration'",
        "unknown field at top | name: x\\nduration: 5s\\ncolour: red\\nclients:\\n  - name: a\\n    count: 2 | 3 | colour | unknown field 'colour'",
        "negative latency     | duration: 5s\\ntimeline:\\n  - at: 1s\\n    do: latency\\n    delay: -100ms | 5 | timeline[0].delay | latency delay must be zero or positive: -100ms",
        "huge group           | duration: 5s\\nclients:\\n  - name: a\\n    count: 1000000000 | 4 | clients[0].count | at most 100000 clients",
        "huge add-clients     | duration: 5s\\ntimeline:\\n  - at: 1s\\n    do: add-clients\\n    target: a\\n    count: 1000000000 | 6 | timeline[0].count | between 1 and 100000",
        "unknown preset       | duration: 5s\\nclients:\\n  - name: a\\n    preset: fast     | 4 | clients[0].preset     | unknown preset 'fast'",
        "unknown profile      | duration: 5s\\nclients:\\n  - name: a\\n    profile: tcp     | 4 | clients[0].profile    | unknown profile",
        "bad parameter        | duration: 5s\\nclients:\\n  - name: a\\n    parameters:\\n      heartbeatMisses: 0 | 5 | clients[0].parameters.heartbeatMisses | heartbeatMisses",
        "unknown parameter    | duration: 5s\\nclients:\\n  - name: a\\n    parameters:\\n      keepalivIdle: 3s | 5 | clients[0].parameters.keepalivIdle | unknown profile parameter 'keepalivIdle'; expected one of heartbeatInterval, heartbeatMisses, keepalive, keepaliveIdle,",
        "negative count       | duration: 5s\\nclients:\\n  - name: a\\n    count: -2        | 3 | clients[0]            | count must be zero or more",
        "count not a number   | duration: 5s\\nclients:\\n  - name: a\\n    count: many      | 4 | clients[0].count      | expected a whole number",
        "duplicate group      | duration: 5s\\nclients:\\n  - name: a\\n  - name: a          | 4 | clients[1].name       | already defined",
        "unknown action       | duration: 5s\\ntimeline:\\n  - at: 1s\\n    do: explode      | 4 | timeline[0].do        | unknown action 'explode'",
        "step after the end   | duration: 5s\\ntimeline:\\n  - at: 9s\\n    do: close        | 3 | timeline[0].at        | within the scenario's duration of 5s",
        "unknown target       | duration: 5s\\ntimeline:\\n  - at: 1s\\n    do: close\\n    target: nobody | 5 | timeline[0].target | no group or client named 'nobody'",
        "server port          | duration: 5s\\nserver:\\n  port: 70000                      | 2 | server                | port must be between 0 and 65535",
        "duration not scalar  | duration: [5s]                                              | 1 | duration              | expected a duration",
    })
    void everyProblemNamesFileLineAndField(String what, String yaml, int line, String field, String problem) {
        String text = yaml.replace("\\n", "\n");
        assertThatThrownBy(() -> ScenarioReader.parse(FILE, text))
                .isInstanceOfSatisfying(ScenarioException.class, e -> {
                    assertThat(e.file()).isEqualTo(FILE);
                    assertThat(e.line()).as("line").isEqualTo(line);
                    assertThat(e.field() == null ? "" : e.field()).as("field").isEqualTo(field == null ? "" : field);
                    assertThat(e.problem()).contains(problem);
                    assertThat(e.getMessage()).startsWith("lab.yaml:");
                });
    }

    @Test
    void aYamlSyntaxErrorIsLocated() {
        assertThatThrownBy(() -> ScenarioReader.parse(FILE, "duration: 5s\nclients:\n  - name: a\n   bad: [\n"))
                .isInstanceOfSatisfying(ScenarioException.class, e -> {
                    assertThat(e.problem()).startsWith("not valid YAML");
                    assertThat(e.line()).isBetween(3, 5);
                });
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = Path.of("no-such-scenario.yaml");
        assertThatThrownBy(() -> ScenarioReader.read(missing))
                .isInstanceOf(ScenarioException.class).hasMessage("no-such-scenario.yaml: no such file");
    }

    @Test
    void aFileThatIsNotUtf8IsNamedAndSaidSo(@TempDir Path dir) throws Exception {
        Path latin1 = dir.resolve("caf\u00e9.yaml");
        Files.write(latin1, "name: caf\u00e9\nduration: 5s\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> ScenarioReader.read(latin1))
                .isInstanceOf(ScenarioException.class).hasMessage(latin1 + ": not UTF-8 text; save the scenario as UTF-8");
    }

    @Test
    void aNameThatIsNeitherAFileNorABundledScenarioListsTheBundledOnes() {
        assertThatThrownBy(() -> BundledScenarios.read(Path.of("nosuch")))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("nosuch: no such file, and no bundled scenario of that name")
                .hasMessageContaining("cable-pull, keepalive-tuning");
    }

    @Test
    void theBundledScenariosAreValid() throws Exception {
        assertThat(BundledScenarios.names()).isNotEmpty();
        for (String name : BundledScenarios.names()) {
            ScenarioPlan plan = BundledScenarios.read(Path.of(name));
            assertThat(plan.steps()).as(name).isNotEmpty();
            assertThat(plan.file().toString()).isEqualTo("bundled:" + name);
        }
    }
}
