package lab.heartbeat.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import lab.heartbeat.fault.NetNamespace;

/**
 * Kernel-fault tests run only inside the private network namespace that the {@code kernel-faults}
 * surefire execution makes (src/test/netns/bin/java), with nft installed. Elsewhere they are skipped
 * with the reason, except when HEARTBEAT_LAB_REQUIRE_KERNEL=1 (CI), where a skip is a failure.
 */
public final class KernelFaults {
    private KernelFaults() {
    }

    public static void assumeAvailable() {
        String missing = whyUnavailable();
        if (missing == null) {
            return;
        }
        if ("1".equals(System.getenv("HEARTBEAT_LAB_REQUIRE_KERNEL"))) {
            fail("kernel-fault tests must run here (HEARTBEAT_LAB_REQUIRE_KERNEL=1) but " + missing);
        }
        assumeTrue(false, "kernel-fault test skipped: " + missing);
    }

    private static String whyUnavailable() {
        if (NetNamespace.current() != NetNamespace.PRIVATE) {
            return "this JVM is not in a private network namespace (user namespaces unavailable?)";
        }
        try {
            Process p = new ProcessBuilder("nft", "list", "tables").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return "nft does not work in the namespace";
            }
            return null;
        } catch (IOException e) {
            return "nft is not installed (apt-get install nftables)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
