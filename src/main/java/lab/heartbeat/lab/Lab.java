package lab.heartbeat.lab;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Ticker;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import lab.heartbeat.detect.KernelHz;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.detect.SweepParams;
import lab.heartbeat.fault.FaultBackendChoice;
import lab.heartbeat.fault.FaultException;
import lab.heartbeat.fault.FaultKind;
import lab.heartbeat.fault.Latency;
import lab.heartbeat.fault.NetNamespace;
import lab.heartbeat.fault.NetworkFaults;
import lab.heartbeat.fault.NftablesFaults;
import lab.heartbeat.fault.ProxyFaults;
import lab.heartbeat.telemetry.EventKind;
import lab.heartbeat.telemetry.LabEvent;
import lab.heartbeat.telemetry.Telemetry;
import lab.heartbeat.telemetry.TimeBase;
import lab.heartbeat.transport.HeartbeatServer;
import lab.heartbeat.transport.ReconnectingClient;
import lab.heartbeat.transport.ServerConnection;
import lab.heartbeat.transport.TrackedThreads;
import lab.heartbeat.transport.Transports;

/**
 * One running experiment: the embedded server, its clients, the faults made to them and their
 * telemetry, built from a {@link LabConfig}. Clients can be added and removed while it runs.
 * {@link #close()} stops every client and the server, removes the fault backend's rules and returns
 * only when no thread, socket, timer or firewall rule of the lab is left.
 */
public final class Lab implements AutoCloseable {
    private final LabConfig config;
    private final Transports transport;
    private final TrackedThreads ioThreads = TrackedThreads.forEventLoops("lab-io");
    private final EventLoopGroup group;
    private final Telemetry telemetry;
    private final HeartbeatServer server;
    private final NetworkFaults networkFaults;
    private final String faultBackendNote;
    private final InetSocketAddress target;
    private final SplittableRandom seeds;
    private final FaultBook faults = new FaultBook();
    private final Map<String, ReconnectingClient> clients = new LinkedHashMap<>();
    private final Map<String, Integer> groupSizes = new LinkedHashMap<>();
    /** Each client's group, by client name. */
    private final Map<String, String> groupOf = new java.util.HashMap<>();
    private int addressesGiven;
    private boolean closed;

    private Lab(LabConfig config, TimeBase time, List<Consumer<LabEvent>> subscribers) throws InterruptedException {
        this.config = config;
        this.transport = Transports.current();
        this.group = transport.newGroup(config.ioThreads(), ioThreads);
        this.telemetry = new Telemetry(config.telemetry(), Ticker.systemTicker(), time);
        this.seeds = config.jitterSeed() == null ? new SplittableRandom() : new SplittableRandom(config.jitterSeed());
        subscribers.forEach(telemetry.events()::subscribe);
        telemetry.referTo(faults::referenceOf);
        NetworkFaults chosen = null;
        try {
            if (config.server() != null) {
                server = new HeartbeatServer(config.server(), group, transport, telemetry);
                int port = server.start();
                InetSocketAddress serverAddress = new InetSocketAddress(config.server().bind(), port);
                StringBuilder note = new StringBuilder();
                chosen = chooseFaults(config, serverAddress, note);
                faultBackendNote = note.toString();
                target = chosen == null ? serverAddress : chosen.clientTarget(serverAddress);
            } else {
                server = null;
                faultBackendNote = "no network faults: the server is elsewhere";
                target = config.connect();
            }
            networkFaults = chosen;
        } catch (Exception e) {
            // Also Netty's undeclared bind IOException: nothing of a lab that failed to start may linger.
            if (chosen != null) {
                chosen.close();
            }
            shutdownQuietly();
            throw e;
        }
    }

    private NetworkFaults chooseFaults(LabConfig config, InetSocketAddress server, StringBuilder note)
            throws InterruptedException {
        FaultBackendChoice choice = config.faultBackend();
        if (choice == FaultBackendChoice.NONE) {
            note.append("no network faults (fault backend none)");
            return null;
        }
        if (choice != FaultBackendChoice.PROXY) {
            String why = kernelUnavailable(server);
            if (why == null) {
                try {
                    NftablesFaults kernel = NftablesFaults.open(server.getPort(), config.allowHostFirewall());
                    note.append("kernel faults with nftables (table ").append(kernel.table()).append(')');
                    return kernel;
                } catch (FaultException e) {
                    why = e.getMessage();
                }
            }
            if (choice == FaultBackendChoice.KERNEL) {
                throw new IllegalStateException("kernel faults are unavailable: " + why);
            }
            note.append("proxy faults, because kernel faults are unavailable: ").append(why);
        } else {
            note.append("proxy faults (chosen)");
        }
        return ProxyFaults.start(group, transport, server);
    }

    private String kernelUnavailable(InetSocketAddress server) {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return "nftables exists only on Linux";
        }
        if (!server.getAddress().isLoopbackAddress()) {
            return "the server is not on loopback, so clients cannot each have their own address";
        }
        return null;
    }

    /**
     * Builds the lab, starts its server and connects every group's clients. The subscribers see
     * every event from the very first (the server starting).
     */
    @SafeVarargs
    public static Lab start(LabConfig config, Consumer<LabEvent>... subscribers) throws InterruptedException {
        return start(config, TimeBase.now(), subscribers);
    }

    /** As {@link #start(LabConfig, Consumer...)}, with the clock origin the subscribers format times against. */
    @SafeVarargs
    public static Lab start(LabConfig config, TimeBase time, Consumer<LabEvent>... subscribers)
            throws InterruptedException {
        Lab lab = new Lab(config, time, List.of(subscribers));
        lab.telemetry.action(EventKind.ACTION, "lab", "namespace " + NetNamespace.current().label() + "; "
                + lab.faultBackendNote + "; " + KernelHz.running().note());
        for (ClientGroup g : config.groups()) {
            lab.addClients(g.name(), g.count(), g.profile());
        }
        return lab;
    }

    public LabConfig config() {
        return config;
    }

    public Telemetry telemetry() {
        return telemetry;
    }

    public Transports transport() {
        return transport;
    }

    /** The embedded server, or null when the clients connect to an outside one. */
    public HeartbeatServer server() {
        return server;
    }

    /** Where the clients connect: the server, or the proxy in front of it. */
    public InetSocketAddress target() {
        return target;
    }

    /** {@code kernel}, {@code proxy}, or {@code none}: which backend makes network faults. */
    public String faultBackend() {
        return networkFaults == null ? "none" : networkFaults.name();
    }

    /** Why this backend, in a sentence for the status bar and the report. */
    public String faultBackendNote() {
        return faultBackendNote;
    }

    /** What the fault backend cannot show, or an empty string. */
    public String faultLimitation() {
        return networkFaults == null ? "" : networkFaults.limitation();
    }

    public NetNamespace namespace() {
        return NetNamespace.current();
    }

    /** Whether this lab can make the fault, and if not, why (for disabled buttons). */
    public String whyUnavailable(FaultKind kind) {
        if (kind == FaultKind.SERVER_RESTART && server == null) {
            return "no embedded server to restart";
        }
        if (!kind.network()) {
            return null;
        }
        if (networkFaults == null) {
            return faultBackendNote;
        }
        return networkFaults.supported().contains(kind) ? null
                : "the " + networkFaults.name() + " backend cannot make " + kind.label();
    }

    /** Adds clients to a group (created if new) and starts them; returns their names. */
    public synchronized List<String> addClients(String groupName, int count, Profile profile) {
        ensureOpen();
        new ClientGroup(groupName, count, profile);
        List<String> names = new ArrayList<>();
        int next = groupSizes.getOrDefault(groupName, 0);
        for (int i = 0; i < count; i++) {
            String name = groupName + "-" + (++next);
            while (clients.containsKey(name)) {
                name = groupName + "-" + (++next);
            }
            SplittableRandom jitter = seeds.split();
            ReconnectingClient client = new ReconnectingClient(name, profile, target, nextClientAddress(),
                    group.next(), transport, telemetry, jitter::nextDouble, config.kernelSampleInterval());
            clients.put(name, client);
            groupOf.put(name, groupName);
            telemetry.clientAdded(name, groupName, profile);
            client.start();
            names.add(name);
        }
        groupSizes.put(groupName, next);
        return names;
    }

    /** Each client its own loopback address (127.1.x.y), so a network fault follows its reconnections. */
    private InetAddress nextClientAddress() {
        if (networkFaults == null) {
            return null;
        }
        int n = addressesGiven++;
        byte[] a = {127, 1, (byte) (n / 250 % 250), (byte) (n % 250 + 1)};
        try {
            return InetAddress.getByAddress(a);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Stops and removes these clients, closing their connections gracefully. */
    public void removeClients(Collection<String> names) throws InterruptedException {
        List<ReconnectingClient> removed = new ArrayList<>();
        synchronized (this) {
            for (String name : names) {
                ReconnectingClient c = clients.remove(name);
                groupOf.remove(name);
                if (c != null) {
                    removed.add(c);
                }
            }
        }
        List<Future<?>> stopping = removed.stream().<Future<?>>map(ReconnectingClient::stop).toList();
        for (Future<?> f : stopping) {
            f.await(5, TimeUnit.SECONDS);
        }
        removed.forEach(c -> telemetry.clientRemoved(c.name()));
    }

    /**
     * The clients a target names: {@code all}, a group, a client, or several of these separated
     * by commas.
     */
    public synchronized List<ReconnectingClient> select(String target) {
        java.util.Set<ReconnectingClient> selected = new java.util.LinkedHashSet<>();
        for (String one : target.split(",")) {
            String t = one.strip();
            for (ReconnectingClient c : clients.values()) {
                if ("all".equals(t) || c.name().equals(t) || t.equals(groupOf.get(c.name()))) {
                    selected.add(c);
                }
            }
        }
        return List.copyOf(selected);
    }

    /** Each client's group, by client name. */
    public synchronized Map<String, String> groups() {
        return Map.copyOf(groupOf);
    }

    public synchronized List<ReconnectingClient> clients() {
        return List.copyOf(clients.values());
    }

    /**
     * Makes a fault on the clients the target names and returns its record, whose t0 is the moment
     * it was in force. Network faults go to the kernel or the proxy; freezes and resets are made
     * inside the applications.
     */
    public FaultRecord inject(FaultKind kind, String target, Latency latency) throws FaultException {
        ensureOpen();
        String why = whyUnavailable(kind);
        if (why != null) {
            throw new FaultException(kind.label() + " is unavailable: " + why);
        }
        List<ReconnectingClient> victims = select(target);
        if (victims.isEmpty() && kind != FaultKind.SERVER_RESTART) {
            throw new FaultException("no client matches '" + target + "'");
        }
        List<String> names = victims.stream().map(ReconnectingClient::name).toList();
        long start = telemetry.now();
        String backend;
        switch (kind) {
            case CABLE_PULL, DROP_TO_SERVER, DROP_TO_CLIENT, LATENCY -> {
                networkFaults.apply(kind, victims.stream().map(ReconnectingClient::localAddress).toList(),
                        latency == null ? Latency.NONE : latency);
                backend = networkFaults.name();
            }
            case FREEZE_CLIENT -> {
                victims.forEach(c -> c.freeze(true));
                backend = "in-process";
            }
            case FREEZE_SERVER -> {
                serverConnectionsOf(names).forEach(c -> c.freeze(true));
                backend = "in-process";
            }
            case RESET -> {
                serverConnectionsOf(names).forEach(c -> c.reset("reset by fault"));
                backend = "in-process";
            }
            case SERVER_RESTART -> backend = "in-process";
            default -> throw new IllegalStateException("unhandled fault " + kind);
        }
        // A network fault is in force once its rules are; an in-process one runs on the event loops as soon
        // as it is handed over, possibly before this thread reads the clock again (a reset's ends then came
        // before a later t0 and belonged to no fault).
        long t0 = kind.network() ? telemetry.now() : start;
        List<String> targets =
                kind == FaultKind.SERVER_RESTART ? clients().stream().map(ReconnectingClient::name).toList() : names;
        String made = backend;
        FaultRecord record = faults.add(id -> new FaultRecord(id, kind, made, targets, t0, t0 - start, latency));
        telemetry.action(EventKind.FAULT_INJECTED, target, record.name() + " " + kind.label() + " (" + backend + ") on "
                + names.size() + " client(s), in force after " + TimeUnit.NANOSECONDS.toMicros(t0 - start) + " µs");
        return record;
    }

    private List<ServerConnection> serverConnectionsOf(List<String> names) {
        return server == null ? List.of()
                : server.connections().stream().filter(c -> names.contains(c.id().client())).toList();
    }

    /** Changes the server's sweep for connections accepted from now on; running ones keep theirs. */
    public void updateSweep(SweepParams sweep) {
        if (server == null) {
            throw new IllegalStateException("this lab has no embedded server");
        }
        server.updateSweep(sweep);
        telemetry.action(EventKind.ACTION, "server", sweep == null ? "sweep off for new connections"
                : "sweep " + sweep.interval().toMillis() + " ms x " + sweep.misses() + " for new connections");
    }

    /** Plugs the cables back in: clears every network fault on the clients the target names. */
    public List<FaultRecord> plugIn(String target) throws FaultException {
        List<ReconnectingClient> victims = select(target);
        if (networkFaults != null) {
            networkFaults.clear(victims.stream().map(ReconnectingClient::localAddress).toList());
        }
        return clearRecords(victims, true);
    }

    /** Thaws frozen clients and the server's ends of their connections. */
    public List<FaultRecord> unfreeze(String target) {
        List<ReconnectingClient> victims = select(target);
        victims.forEach(c -> c.freeze(false));
        serverConnectionsOf(victims.stream().map(ReconnectingClient::name).toList()).forEach(c -> c.freeze(false));
        return clearRecords(victims, false);
    }

    private List<FaultRecord> clearRecords(List<ReconnectingClient> victims, boolean network) {
        long now = telemetry.now();
        List<FaultRecord> cleared = new ArrayList<>();
        for (ReconnectingClient c : victims) {
            for (FaultRecord f : faults.active(c.name())) {
                boolean freeze = f.kind() == FaultKind.FREEZE_CLIENT || f.kind() == FaultKind.FREEZE_SERVER;
                if (network ? f.kind().network() : freeze) {
                    f.cleared(now);
                    if (!cleared.contains(f)) {
                        cleared.add(f);
                    }
                }
            }
        }
        for (FaultRecord f : cleared) {
            telemetry.action(EventKind.FAULT_CLEARED, String.join(",", f.targets()), f.name() + " " + f.kind().label());
        }
        return cleared;
    }

    public List<FaultRecord> faults() {
        return faults.all();
    }

    /** Every fault with the ends of the connections it hit, measured from its t0. */
    public List<Race> races() {
        return faults.races(telemetry.ends(), telemetry.connectedSince());
    }

    /**
     * Stops the server (every connection sees its peer close), waits {@code down}, and starts it
     * again on the same port. Blocks for about {@code down}. Recorded as a fault, so its race shows.
     */
    public FaultRecord restartServer(Duration down) throws InterruptedException {
        ensureOpen();
        if (server == null) {
            throw new IllegalStateException("this lab has no embedded server to restart");
        }
        FaultRecord record;
        try {
            record = inject(FaultKind.SERVER_RESTART, "all", null);
        } catch (FaultException impossible) {
            throw new IllegalStateException(impossible);
        }
        server.stop();
        TimeUnit.NANOSECONDS.sleep(down.toNanos());
        server.start();
        record.cleared(telemetry.now());
        telemetry.action(EventKind.FAULT_CLEARED, "all", record.name() + " server back after "
                + down.toMillis() + " ms");
        return record;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the lab is closed");
        }
    }

    @Override
    public void close() throws InterruptedException {
        List<String> names;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            names = new ArrayList<>(clients.keySet());
        }
        if (networkFaults instanceof NftablesFaults) {
            // Plug everything in first, so the clients' goodbyes reach the server.
            networkFaults.close();
        }
        removeClients(names);
        if (server != null) {
            server.stop();
        }
        if (networkFaults != null) {
            networkFaults.close();
        }
        shutdownQuietly();
    }

    private void shutdownQuietly() throws InterruptedException {
        ioThreads.ending();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        ioThreads.joinAll(5, TimeUnit.SECONDS);
        telemetry.close();
    }
}
