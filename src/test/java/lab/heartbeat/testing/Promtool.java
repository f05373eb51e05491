package lab.heartbeat.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus's own linter of an exposition ({@code promtool check metrics}, Debian package
 * {@code prometheus}). Without it the check is skipped with the reason, except in CI
 * (HEARTBEAT_LAB_REQUIRE_KERNEL=1 or CI set), where a missing promtool is a failure.
 */
public final class Promtool {
    private Promtool() {
    }

    /** Asserts that promtool finds no problem in the exposition. */
    public static void check(String exposition) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
        } catch (IOException e) {
            if ("1".equals(System.getenv("HEARTBEAT_LAB_REQUIRE_KERNEL")) || System.getenv("CI") != null) {
                fail("promtool must run in CI (apt-get install prometheus): " + e.getMessage());
            }
            assumeTrue(false, "promtool is not installed (apt-get install prometheus)");
            return;
        }
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        try (var in = p.getOutputStream()) {
            in.write(exposition.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        assertThat(p.exitValue()).as("promtool check metrics: %s", output.join()).isZero();
        assertThat(output.join()).as("promtool's findings").isBlank();
    }
}
