package lab.heartbeat.testing;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One running seed C program whose stdout lines are collected as they are printed (the programs
 * flush a line per event), so a test can wait on what the peer says instead of sleeping.
 * {@link #close()} kills it and waits until it is gone.
 */
public final class SeedProcess implements AutoCloseable {

    private final String program;
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private SeedProcess(String program, Process process) {
        this.program = program;
        this.process = process;
        this.reader = new Thread(this::readLines, program + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Builds (if needed) and starts {@code src/test/c/<program>.c} with these arguments. */
    public static SeedProcess start(String program, String... args) {
        List<String> command = new ArrayList<>();
        command.add(SeedPrograms.executable(program).toString());
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            return new SeedProcess(program, p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    private void readLines() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            // The process was killed: its pipe is gone, and so are its lines.
        }
    }

    /** Every line printed so far. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** Lines printed so far that match. */
    public List<String> lines(Predicate<String> which) {
        return lines.stream().filter(which).toList();
    }

    /** Waits until a line matching {@code which} is printed and returns the first such line. */
    public String awaitLine(Duration atMost, Predicate<String> which) {
        try {
            await().atMost(atMost).pollInterval(Duration.ofMillis(10))
                    .until(() -> lines.stream().anyMatch(which));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(program + " did not print the expected line within " + atMost
                    + "; it printed " + lines + (process.isAlive() ? "" : " and exited " + process.exitValue()), e);
        }
        return lines.stream().filter(which).findFirst().orElseThrow();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException(program + " did not die within 10 s of SIGKILL");
        }
        reader.join(TimeUnit.SECONDS.toMillis(5));
    }

    @Override
    public String toString() {
        return program + lines;
    }
}
