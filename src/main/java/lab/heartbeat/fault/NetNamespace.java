package lab.heartbeat.fault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether this process runs in a private network namespace that the lab made for itself. The
 * launcher that makes one passes the namespace it started from in {@link #HOST_ENV}; a namespace
 * other than that one is private. Without that variable the answer is "host", the safe one.
 */
public enum NetNamespace {
    PRIVATE, HOST;

    /** The environment variable naming the network namespace the launcher started from. */
    public static final String HOST_ENV = "HEARTBEAT_LAB_HOST_NETNS";

    public static NetNamespace current() {
        String host = System.getenv(HOST_ENV);
        String own = ownId();
        return host != null && own != null && !host.equals(own) ? PRIVATE : HOST;
    }

    /** This process's network namespace, as {@code net:[inode]}, or null where there is no /proc. */
    public static String ownId() {
        try {
            return Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
