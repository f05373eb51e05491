package lab.heartbeat.fault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether kernel faults may put the lab's table into the host namespace's firewall: only when the
 * user left the private namespace on purpose ({@code --no-sandbox}) and the process holds
 * CAP_NET_ADMIN. A private namespace the lab made for itself always may.
 */
public final class HostFirewall {
    /** Set by {@code --no-sandbox} before the dashboard starts, which has no options of its own. */
    public static final String OPT_IN_PROPERTY = "heartbeat-lab.no-sandbox";
    private static final int CAP_NET_ADMIN = 12;

    private HostFirewall() {
    }

    public static void optIn() {
        System.setProperty(OPT_IN_PROPERTY, "true");
    }

    public static boolean optedIn() {
        return Boolean.getBoolean(OPT_IN_PROPERTY);
    }

    /** Why this process may not change the firewall of its network namespace, or null when it may. */
    static String refusal(NetNamespace namespace, boolean optedIn, Optional<String> capEffHex) {
        if (namespace == NetNamespace.PRIVATE) {
            return null;
        }
        if (!optedIn) {
            return "not in a private network namespace; kernel faults would change the host's firewall (start "
                    + "without --no-sandbox for a private namespace, or as root with --no-sandbox to allow it)";
        }
        if (capEffHex.isEmpty()) {
            return "cannot tell whether this process holds CAP_NET_ADMIN (no CapEff in /proc/self/status)";
        }
        long caps = Long.parseUnsignedLong(capEffHex.get().strip(), 16);
        if ((caps & (1L << CAP_NET_ADMIN)) == 0) {
            return "kernel faults in the host's network namespace need CAP_NET_ADMIN (run as root), which this "
                    + "process lacks";
        }
        return null;
    }

    static String refusal(boolean optedIn) {
        return refusal(NetNamespace.current(), optedIn, ownEffectiveCapabilities());
    }

    private static Optional<String> ownEffectiveCapabilities() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("CapEff:")).map(l -> l.substring("CapEff:".length())).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
