package lab.heartbeat.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The C programs of the seed articles (src/test/c), compiled on demand so that interop tests
 * talk to the very bytes a real C peer writes. A missing gcc fails the test loudly: skipping
 * would hide that interoperability is no longer checked.
 */
public final class SeedPrograms {

    private static final Path BASE_DIR = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    private static final Path SOURCES = BASE_DIR.resolve("src/test/c");
    private static final Path BINARIES = BASE_DIR.resolve("target/seed-bin");
    private static final long COMPILE_TIMEOUT_SECONDS = 60;

    private SeedPrograms() {
    }

    /**
     * The executable for {@code name} (e.g. {@code "seed002_server"}), compiled from
     * {@code src/test/c/<name>.c} unless the binary is newer than the source.
     */
    public static synchronized Path executable(String name) {
        Path source = SOURCES.resolve(name + ".c");
        Path binary = BINARIES.resolve(name);
        try {
            if (!Files.isRegularFile(source)) {
                throw new IllegalArgumentException("no seed program " + source);
            }
            if (Files.isExecutable(binary)
                    && Files.getLastModifiedTime(binary).compareTo(Files.getLastModifiedTime(source)) >= 0) {
                return binary;
            }
            Files.createDirectories(BINARIES);
            // Compile beside the target and move it in, so a crash never leaves a half-written binary that looks current.
            Path partial = Files.createTempFile(BINARIES, name, ".partial");
            compile(source, partial);
            return Files.move(partial, binary, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build seed program " + name, e);
        }
    }

    private static void compile(Path source, Path output) throws IOException {
        List<String> command = List.of("gcc", "-O2", "-Wall", "-Werror", "-pthread", "-o", output.toString(), source.toString());
        Process gcc;
        try {
            gcc = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("gcc is needed to build the seed C peers for the interop tests, "
                    + "but it could not be started (install gcc, e.g. apt-get install gcc): " + e.getMessage(), e);
        }
        try {
            String log = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!gcc.waitFor(COMPILE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                gcc.destroyForcibly();
                throw new IllegalStateException("gcc did not finish within " + COMPILE_TIMEOUT_SECONDS + " s: " + command);
            }
            if (gcc.exitValue() != 0) {
                Files.deleteIfExists(output);
                throw new IllegalStateException("gcc failed (exit " + gcc.exitValue() + ") on " + source + ":\n" + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            gcc.destroyForcibly();
            throw new IllegalStateException("interrupted while compiling " + source, e);
        }
    }
}
