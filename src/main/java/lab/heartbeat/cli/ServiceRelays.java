package lab.heartbeat.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The relays that make a sandboxed lab's services (metrics, control API) answer on the host: the
 * parent listens at the address the user gave, in the host's namespace, and relays each connection
 * through a Unix socket file in a private directory to the child, which relays it to the service on
 * its own loopback. The child binds the port the parent got, so both print the same address.
 */
final class ServiceRelays implements AutoCloseable {
    static final String METRICS = "metrics";
    static final String CONTROL = "control";
    /** The directory of the socket files, set for the child by its parent. */
    static final String DIR_ENV = "HEARTBEAT_LAB_RELAY_DIR";
    private static final String PORT_ENV = "HEARTBEAT_LAB_RELAY_PORT_";
    /** A socket directory's name: this prefix, the pid of the process that made it, a dash, a random part. */
    private static final String PREFIX = "heartbeat-lab-relay-";

    private final Path dir;
    private final List<SocketRelay> relays;

    private ServiceRelays(Path dir, List<SocketRelay> relays) {
        this.dir = dir;
        this.relays = relays;
    }

    /**
     * In the parent: listens on the host for each service the command line asks for and tells the
     * child, through {@code env}, where the socket files are and which ports to bind. A command line
     * the options cannot parse gets no relays: the child reports the error.
     */
    static ServiceRelays onHost(String[] args, Map<String, String> env) throws IOException {
        ServiceOptions options;
        try {
            options = ServiceOptions.of(args);
        } catch (RuntimeException unparsable) {
            return new ServiceRelays(null, List.of());
        }
        if (options.metrics == null && options.control == null) {
            return new ServiceRelays(null, List.of());
        }
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        removeLeftovers(tmp);
        Path dir = Files.createTempDirectory(tmp, PREFIX + ProcessHandle.current().pid() + "-");
        ServiceRelays relays = new ServiceRelays(dir, new ArrayList<>());
        env.put(DIR_ENV, dir.toString());
        try {
            relays.listen(METRICS, "--metrics", options.metrics, env);
            relays.listen(CONTROL, "--control", options.control, env);
        } catch (IOException e) {
            relays.close();
            throw e;
        }
        return relays;
    }

    private void listen(String service, String option, InetSocketAddress address, Map<String, String> env)
            throws IOException {
        if (address == null) {
            return;
        }
        try {
            SocketRelay relay = SocketRelay.tcpToUnix(service, address, socket(dir, service));
            relays.add(relay);
            env.put(PORT_ENV + service.toUpperCase(Locale.ROOT), Integer.toString(relay.port()));
        } catch (IOException e) {
            throw new IOException("cannot listen on " + address + " for " + option + ": " + e.getMessage(), e);
        }
    }

    /**
     * In the child: where a service listens inside the namespace. Under a relay, at the host's port,
     * and on the wildcard address instead of a host address that only the host has (so a token is
     * still required beyond loopback); otherwise where it was asked to.
     */
    static InetSocketAddress insideAddress(String service, InetSocketAddress asked) {
        String port = System.getenv(PORT_ENV + service.toUpperCase(Locale.ROOT));
        if (port == null) {
            return asked;
        }
        InetAddress host = asked.getAddress();
        return host.isLoopbackAddress() || host.isAnyLocalAddress()
                ? new InetSocketAddress(host, Integer.parseInt(port))
                : new InetSocketAddress(Integer.parseInt(port));
    }

    /** In the child: relays the parent's connections for a service to where it listens, or null when not relayed. */
    static SocketRelay intoNamespace(String service, InetSocketAddress listening) throws IOException {
        String dir = System.getenv(DIR_ENV);
        if (dir == null || System.getenv(PORT_ENV + service.toUpperCase(Locale.ROOT)) == null) {
            return null;
        }
        InetAddress host = listening.getAddress();
        InetSocketAddress target = new InetSocketAddress(
                host.isLoopbackAddress() ? host : InetAddress.getLoopbackAddress(), listening.getPort());
        return SocketRelay.unixToTcp(service, socket(Path.of(dir), service), target);
    }

    /**
     * Removes the socket directories of parents that are gone: one killed with SIGKILL closed nothing,
     * as the nftables table it left is removed by the next start. Others' directories are left alone.
     */
    static void removeLeftovers(Path tmp) {
        try (var dirs = Files.newDirectoryStream(tmp, PREFIX + "*")) {
            for (Path dir : dirs) {
                String rest = dir.getFileName().toString().substring(PREFIX.length());
                int dash = rest.indexOf('-');
                if (dash > 0 && rest.substring(0, dash).chars().allMatch(Character::isDigit)
                        && ProcessHandle.of(Long.parseLong(rest.substring(0, dash))).isEmpty()) {
                    deleteDirectory(dir);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Leftovers are harmless: a socket file whose parent is gone connects to nothing.
        }
    }

    private static void deleteDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
    }

    private static Path socket(Path dir, String service) {
        return dir.resolve(service + ".sock");
    }

    /**
     * Stops listening on the host, ends the relayed connections and removes the socket directory;
     * called at the command's end and by the shutdown hook on SIGTERM, whichever comes first.
     */
    @Override
    public synchronized void close() throws IOException {
        relays.forEach(SocketRelay::close);
        if (dir != null) {
            deleteDirectory(dir);
        }
    }
}
