package lab.heartbeat.detect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The kernel's timer frequency (CONFIG_HZ), which sets the steps of its timer wheel; read from
 * /proc/config.gz or /boot/config-RELEASE, else 250 (Debian's and Ubuntu's) with a note that says so.
 */
public record KernelHz(int hz, String note) {
    /** What most distributions build with, assumed when no kernel config can be read. */
    public static final int ASSUMED = 250;

    private static final Path PROC_CONFIG = Path.of("/proc/config.gz");

    /** The running kernel's, read once. */
    public static KernelHz running() {
        return Running.HZ;
    }

    private static final class Running {
        private static final KernelHz HZ = read(List.of(PROC_CONFIG,
                Path.of("/boot/config-" + System.getProperty("os.version", ""))));
    }

    /** The first of these config files that names CONFIG_HZ (gzipped or plain), else {@link #ASSUMED}. */
    static KernelHz read(List<Path> configs) {
        for (Path config : configs) {
            Optional<Integer> hz = hzIn(config);
            if (hz.isPresent()) {
                return new KernelHz(hz.get(), "kernel timers at HZ=" + hz.get() + " (CONFIG_HZ in " + config + ")");
            }
        }
        return new KernelHz(ASSUMED, "kernel timers at HZ=" + ASSUMED + ", assumed: no CONFIG_HZ in "
                + String.join(" or ", configs.stream().map(Path::toString).toList()));
    }

    private static Optional<Integer> hzIn(Path config) {
        if (!Files.isReadable(config)) {
            return Optional.empty();
        }
        try (InputStream raw = Files.newInputStream(config);
             InputStream in = config.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            return lines.lines().filter(l -> l.startsWith("CONFIG_HZ=")).findFirst()
                    .map(l -> Integer.parseInt(l.substring("CONFIG_HZ=".length()).strip()));
        } catch (IOException | java.io.UncheckedIOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
