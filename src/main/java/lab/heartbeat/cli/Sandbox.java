package lab.heartbeat.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import lab.heartbeat.fault.NetNamespace;
import lab.heartbeat.fault.Programs;

/**
 * Runs a local-only lab inside a private user and network namespace, so that kernel faults work
 * for an ordinary user and never touch the host's firewall. The JVM cannot enter a namespace
 * itself, so it starts itself again under {@code unshare --user --map-root-user --net} (argument
 * arrays, no shell) and relays the child's exit code; the child brings its loopback up first.
 * The lab's metrics and control API are relayed to the host's side (see {@link ServiceRelays}).
 */
final class Sandbox {
    private static final String MAIN = "lab.heartbeat.cli.Main";
    private static final java.time.Duration TIMEOUT = java.time.Duration.ofSeconds(10);
    /** Tells the child that its stdin is the parent's lifeline, not the user's input. */
    static final String LIFELINE_ENV = "HEARTBEAT_LAB_LIFELINE";

    private Sandbox() {
    }

    /** Whether this process already runs in the namespace a parent made for it. */
    static boolean inside() {
        return System.getenv(NetNamespace.HOST_ENV) != null;
    }

    /**
     * Starts this command again inside a private namespace and returns its exit code, or empty
     * when that cannot be done here (then the lab runs in the host namespace, and says why).
     */
    static Optional<Integer> rerunInside(String[] args, PrintWriter err) {
        if (inside()) {
            return Optional.empty();
        }
        String why = unavailable();
        if (why != null) {
            err.println("note: running in the host network namespace: " + why);
            err.flush();
            return Optional.empty();
        }
        List<String> argv = new ArrayList<>(List.of(unshare().toString(), "--user", "--map-root-user", "--net", "--"));
        argv.addAll(javaCommand());
        argv.addAll(Arrays.asList(args));
        // The child's stdin is a pipe from this process: when this process dies, even by kill -9,
        // the child reads end-of-file and stops (see dieWithParent).
        ProcessBuilder pb = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put(NetNamespace.HOST_ENV, NetNamespace.ownId());
        pb.environment().put(LIFELINE_ENV, "stdin");
        ServiceRelays relays;
        try {
            relays = ServiceRelays.onHost(args, pb.environment());
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return Optional.of(Main.FAILURE);
        }
        try (relays) {
            Process child = pb.start();
            // Ctrl-C reaches the child too (same process group); a SIGTERM to this process only
            // reaches us, so pass it on, then wait for the child's own cleanup.
            Thread relay = new Thread(() -> {
                child.destroy();
                waitQuietly(child);
                closeQuietly(relays);
            }, "sandbox-stop");
            Runtime.getRuntime().addShutdownHook(relay);
            int code = child.waitFor();
            try {
                Runtime.getRuntime().removeShutdownHook(relay);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook waits for the child to finish its own cleanup.
            }
            return Optional.of(code);
        } catch (IOException e) {
            err.println("note: cannot start the private namespace (" + e.getMessage() + "); running in the host's");
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(Main.FAILURE);
        }
    }

    private static void closeQuietly(ServiceRelays relays) {
        try {
            relays.close();
        } catch (IOException e) {
            // Exiting: a socket file left in the temporary directory connects to nothing.
        }
    }

    private static void waitQuietly(Process child) {
        try {
            child.waitFor(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Why no private namespace can be made here, or null when one can. */
    static String unavailable() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return "private network namespaces exist only on Linux";
        }
        if (NetNamespace.ownId() == null) {
            return "/proc/self/ns/net is not readable";
        }
        Path unshare = unshare();
        if (unshare == null) {
            return "the unshare program (util-linux) is not installed";
        }
        try {
            Programs.Result probe = Programs.run(
                    List.of(unshare.toString(), "--user", "--map-root-user", "--net", "true"), null, true, TIMEOUT);
            if (probe.exit() != 0) {
                return "unshare --user --net is not permitted here (" + probe.out().strip() + ")";
            }
            return null;
        } catch (IOException e) {
            return "cannot run unshare: " + e.getMessage();
        } catch (TimeoutException e) {
            return "unshare did not finish within " + TIMEOUT.toSeconds() + " s";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * In the child: ends this process at once when the parent that started it is gone. Nothing
     * needs cleaning up: the namespace, and the nftables table in it, go with their last process,
     * and the nft session ends when its input closes; a report would reach nobody.
     */
    static void dieWithParent(PrintWriter err) {
        if (!"stdin".equals(System.getenv(LIFELINE_ENV))) {
            return;
        }
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // Nothing is ever written; any byte is ignored.
                }
            } catch (IOException e) {
                // A broken pipe is the parent's end too.
            }
            err.println("note: the process that started this one is gone; stopping");
            err.flush();
            Runtime.getRuntime().halt(Main.FAILURE);
        }, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** In the child: loopback starts down in a new namespace. */
    static void bringLoopbackUp() {
        List<String> ip = List.of(Programs.path("ip"), "link", "set", "lo", "up");
        try {
            Programs.Result r = Programs.run(ip, null, true, TIMEOUT);
            if (r.exit() != 0) {
                throw new IllegalStateException("cannot bring loopback up in the private namespace: " + r.out().strip());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("'ip link set lo up' did not finish within " + TIMEOUT.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run 'ip link set lo up' (install iproute2): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while bringing loopback up", e);
        }
    }

    private static Path unshare() {
        return Programs.find("unshare").orElse(null);
    }

    /** This JVM's own command line, so the child is the same program with the same options. */
    private static List<String> javaCommand() {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        List<String> options = ManagementFactory.getRuntimeMXBean().getInputArguments();
        cmd.addAll(options);
        if (options.stream().noneMatch(o -> o.startsWith("--enable-native-access"))) {
            // Netty loads its epoll library; from JDK 22 on, without this every start warns about it.
            cmd.add("--enable-native-access=ALL-UNNAMED");
        }
        String modulePath = System.getProperty("jdk.module.path");
        if (modulePath != null && !modulePath.isEmpty()) {
            cmd.addAll(List.of("--module-path", modulePath, "--module", "lab.heartbeat/" + MAIN));
        } else {
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), MAIN));
        }
        return cmd;
    }
}
