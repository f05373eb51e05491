package lab.heartbeat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code heartbeat-lab dashboard}: what it refuses before any window opens, and where it runs. */
class DashboardCommandTest {
    @TempDir
    Path dir;

    private static int run(StringWriter err, String... args) {
        return Main.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
    }

    @Test
    void aBadScenarioEndsWithTheReadersMessageAndCodeTwo() throws Exception {
        Path scenario = dir.resolve("bad.yaml");
        Files.writeString(scenario, "name: bad\nduration: soon\n");
        StringWriter err = new StringWriter();

        assertThat(run(err, "dashboard", "--scenario", scenario.toString(), "--exit")).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString()).startsWith("error: ").contains("bad.yaml:2").contains("duration");
    }

    @Test
    void exportAndExitNeedAScenario() {
        StringWriter err = new StringWriter();

        assertThat(run(err, "dashboard", "--export", dir.toString())).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString()).contains("--export and --exit need a --scenario");
    }

    @Test
    void theDashboardCommandRunsInAPrivateNamespaceLikeNoCommand() {
        assertThat(Main.wantsSandbox(new String[] {"dashboard", "--scenario", "cable-pull"}, ":0")).isTrue();
        assertThat(Main.wantsSandbox(new String[] {"dashboard"}, "localhost:10.0")).isFalse();
    }
}
