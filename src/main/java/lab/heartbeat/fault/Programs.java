package lab.heartbeat.fault;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the system programs the lab runs (nft, ip, unshare). They live in /usr/sbin or /sbin,
 * which an ordinary user's PATH often lacks, so those are searched after PATH.
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
}
