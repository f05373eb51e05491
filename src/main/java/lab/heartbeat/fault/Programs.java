package lab.heartbeat.fault;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Finds and runs the system programs the lab runs (nft, ip, unshare). They live in /usr/sbin or
 * /sbin, which an ordinary user's PATH often lacks, so those are searched after PATH.
 */
public final class Programs {
    private Programs() {
    }

    public static Optional<Path> find(String name) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin") + File.pathSeparator + "/usr/sbin"
                + File.pathSeparator + "/sbin";
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The program's path, or its bare name (then starting it fails with a clear message). */
    public static String path(String name) {
        return find(name).map(Path::toString).orElse(name);
    }

    /** How a program ended and what it printed. */
    public record Result(int exit, String out, String err) {
    }

    /**
     * Runs a program (an argument array, never a shell), writes {@code stdin} to it when not null,
     * and waits at most {@code timeout}: its output is read on threads of its own, so a program that
     * hangs is killed on time and a full error pipe cannot stall it. With {@code mergeErr} the
     * error output is in {@code out}.
     */
    public static Result run(List<String> argv, String stdin, boolean mergeErr, Duration timeout)
            throws IOException, InterruptedException, TimeoutException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(mergeErr).start();
        CompletableFuture<String> out = readAsync(p.getInputStream(), argv.get(0));
        CompletableFuture<String> err = mergeErr ? CompletableFuture.completedFuture("")
                : readAsync(p.getErrorStream(), argv.get(0));
        try {
            try (OutputStream in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!p.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new TimeoutException(argv.get(0) + " did not finish within " + timeout.toSeconds() + " s");
            }
            return new Result(p.exitValue(), out.get(timeout.toNanos(), TimeUnit.NANOSECONDS),
                    err.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (ExecutionException e) {
            throw e.getCause() instanceof UncheckedIOException u ? u.getCause() : new IOException(e.getCause());
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }

    private static CompletableFuture<String> readAsync(InputStream stream, String program) {
        return CompletableFuture.supplyAsync(() -> {
            try (InputStream in = stream) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, task -> {
            Thread reader = new Thread(task, "read " + Path.of(program).getFileName());
            reader.setDaemon(true);
            reader.start();
        });
    }
}
