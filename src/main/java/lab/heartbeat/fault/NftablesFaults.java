package lab.heartbeat.fault;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Kernel-true faults with nftables: the lab owns one table, named after its process, whose input
 * hook drops the packets of the clients in named address sets: one per direction, and one for
 * both (a pulled cable, so that pulling many cables adds each address once). A drop in
 * the input hook is what a pulled cable does: the sender's kernel sees no ACK and retransmits or
 * probes (an output-hook drop would return EPERM and run the persist timer instead). A fault on
 * any number of clients is one nft command, so one transaction, sent to an {@code nft -i} kept
 * open for the lab's life. The table is removed on close, at JVM exit, and, if a run died, by the
 * next start.
 */
public final class NftablesFaults implements NetworkFaults {
    private static final String PREFIX = "heartbeat_lab_";
    private static final Pattern OWN_TABLE = Pattern.compile("table inet (" + PREFIX + "(\\d+)_\\d+)");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String CABLE = "cable";
    private static final String TO_SERVER = "to_server";
    private static final String TO_CLIENT = "to_client";
    /** An address no client ever has, to warm the apply path up before the first real fault. */
    private static final String WARM_UP = "127.0.0.254";

    private final Nft nft;
    private final NftSession session;
    private final String table;
    private final Map<String, Set<InetAddress>> members = Map.of(CABLE, new HashSet<>(), TO_SERVER, new HashSet<>(),
            TO_CLIENT, new HashSet<>());
    private final Thread cleanupAtExit;
    private boolean closed;

    private NftablesFaults(Nft nft, String program, String table, int serverPort) throws FaultException {
        this.nft = nft;
        this.table = table;
        // The hook comes first: a Ctrl-C right after the table is made must still remove it.
        this.cleanupAtExit = new Thread(this::dropTableQuietly, "nft-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanupAtExit);
        NftSession started = null;
        try {
            nft.script(String.join("\n",
                    "table inet " + table + " {",
                    "  set cable { type ipv4_addr; }",
                    "  set to_server { type ipv4_addr; }",
                    "  set to_client { type ipv4_addr; }",
                    "  chain input {",
                    "    type filter hook input priority -10; policy accept;",
                    "    ip saddr @cable tcp dport " + serverPort + " drop",
                    "    ip daddr @cable tcp sport " + serverPort + " drop",
                    "    ip saddr @to_server tcp dport " + serverPort + " drop",
                    "    ip daddr @to_client tcp sport " + serverPort + " drop",
                    "  }",
                    "}", ""));
            started = new NftSession(program, table);
            // The first command is slow (class loading, a cold path); take it here, not in the
            // first fault's t0.
            started.run("add element inet " + table + " cable { " + WARM_UP + " }");
            started.run("delete element inet " + table + " cable { " + WARM_UP + " }");
        } catch (FaultException | RuntimeException e) {
            if (started != null) {
                started.close();
            }
            dropTableQuietly();
            removeHook();
            throw e;
        }
        this.session = started;
    }

    /**
     * Creates this lab's table for a server on {@code serverPort}. Refuses the host's namespace
     * unless {@code allowHostFirewall} (the user passed --no-sandbox) and the process holds
     * CAP_NET_ADMIN: the lab never touches a firewall it does not own by accident.
     */
    public static NftablesFaults open(int serverPort, boolean allowHostFirewall) throws FaultException {
        if (serverPort < 1 || serverPort > 65535) {
            throw new FaultException("server port out of range: " + serverPort);
        }
        String refused = HostFirewall.refusal(allowHostFirewall);
        if (refused != null) {
            throw new FaultException(refused);
        }
        String program = Programs.path("nft");
        Nft nft = new Nft(program);
        removeStaleTables(nft);
        String table = PREFIX + ProcessHandle.current().pid() + "_" + SEQUENCE.incrementAndGet();
        return new NftablesFaults(nft, program, table, serverPort);
    }

    /** Deletes the tables of lab runs whose process is gone (a kill -9 leaves its table behind). */
    static List<String> removeStaleTables(Nft nft) throws FaultException {
        List<String> removed = new ArrayList<>();
        Matcher m = OWN_TABLE.matcher(nft.command("list", "tables"));
        while (m.find()) {
            long pid = Long.parseLong(m.group(2));
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                continue;
            }
            nft.command("delete", "table", "inet", m.group(1));
            removed.add(m.group(1));
        }
        return removed;
    }

    public String table() {
        return table;
    }

    @Override
    public String name() {
        return "kernel";
    }

    @Override
    public String limitation() {
        return "";
    }

    @Override
    public Set<FaultKind> supported() {
        return EnumSet.of(FaultKind.CABLE_PULL, FaultKind.DROP_TO_SERVER, FaultKind.DROP_TO_CLIENT);
    }

    @Override
    public InetSocketAddress clientTarget(InetSocketAddress server) {
        return server;
    }

    @Override
    public synchronized void apply(FaultKind kind, Collection<InetAddress> clients, Latency latency)
            throws FaultException {
        if (!supported().contains(kind)) {
            throw new FaultException("the kernel backend cannot make " + kind + "; it drops packets only");
        }
        List<InetAddress> addresses = ipv4(clients);
        String set = kind == FaultKind.CABLE_PULL ? CABLE : kind == FaultKind.DROP_TO_SERVER ? TO_SERVER : TO_CLIENT;
        session.run(elements("add", set, addresses));
        members.get(set).addAll(addresses);
    }

    @Override
    public synchronized void clear(Collection<InetAddress> clients) throws FaultException {
        for (var set : members.entrySet()) {
            List<InetAddress> in = clients.stream().filter(set.getValue()::contains).distinct().toList();
            if (!in.isEmpty()) {
                session.run(elements("delete", set.getKey(), in));
                in.forEach(set.getValue()::remove);
            }
        }
    }

    private String elements(String verb, String set, List<InetAddress> addresses) {
        return verb + " element inet " + table + " " + set + " { "
                + addresses.stream().map(InetAddress::getHostAddress).collect(Collectors.joining(", ")) + " }";
    }

    private static List<InetAddress> ipv4(Collection<InetAddress> clients) throws FaultException {
        for (InetAddress a : clients) {
            if (!(a instanceof Inet4Address)) {
                throw new FaultException("kernel faults need each client on its own IPv4 address, got " + a);
            }
        }
        return List.copyOf(new java.util.LinkedHashSet<>(clients));
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        session.close();
        dropTableQuietly();
        removeHook();
    }

    private void removeHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupAtExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or has run: the table is gone either way.
        }
    }

    private void dropTableQuietly() {
        try {
            nft.command("delete", "table", "inet", table);
        } catch (FaultException e) {
            if (!e.getMessage().contains("No such file or directory")) {
                System.err.println("could not remove nftables table " + table + ": " + e.getMessage());
            }
        }
    }
}
