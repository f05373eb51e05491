package lab.heartbeat.lab;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Ticker;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import lab.heartbeat.detect.KernelHz;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.detect.SweepParams;
import lab.heartbeat.fault.FaultBackends;
import lab.heartbeat.fault.FaultException;
import lab.heartbeat.fault.FaultKind;
import lab.heartbeat.fault.Latency;
import lab.heartbeat.fault.NetNamespace;
import lab.heartbeat.fault.NetworkFaults;
import lab.heartbeat.fault.NftablesFaults;
import lab.heartbeat.telemetry.EventKind;
import lab.heartbeat.telemetry.LabEvent;
import lab.heartbeat.telemetry.Telemetry;
import lab.heartbeat.telemetry.TimeBase;
import lab.heartbeat.transport.HeartbeatServer;
import lab.heartbeat.transport.ReconnectingClient;
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
    private final FaultBook faultBook = new FaultBook();
    private final ClientRegistry clients;
    private final LabFaults faults;
    private boolean closed;

    private Lab(LabConfig config, Ticker clock, TimeBase time, List<Consumer<LabEvent>> subscribers) throws InterruptedException {
        this.config = config;
        this.transport = Transports.current();
        this.group = transport.newGroup(config.ioThreads(), ioThreads);
        this.telemetry = new Telemetry(config.telemetry(), clock, time);
        this.seeds = config.jitterSeed() == null ? new SplittableRandom() : new SplittableRandom(config.jitterSeed());
        subscribers.forEach(telemetry.events()::subscribe);
        telemetry.referTo(faultBook::referenceOf);
        NetworkFaults chosen = null;
        try {
            if (config.server() != null) {
                server = new HeartbeatServer(config.server(), group, transport, telemetry);
                int port = server.start();
                InetSocketAddress serverAddress = new InetSocketAddress(config.server().bind(), port);
                FaultBackends.Opened opened = FaultBackends.open(config.faultBackend(), serverAddress,
                        config.allowHostFirewall(), group, transport);
                chosen = opened.faults();
                faultBackendNote = opened.note();
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
        clients = new ClientRegistry(networkFaults != null);
        faults = new LabFaults(networkFaults, faultBackendNote, server, clients, telemetry, faultBook);
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
        return start(config, Ticker.systemTicker(), time, subscribers);
    }

    /** As {@link #start(LabConfig, TimeBase, Consumer...)}, on this clock: a test's, to know the times it records. */
    @SafeVarargs
    public static Lab start(LabConfig config, Ticker clock, TimeBase time, Consumer<LabEvent>... subscribers)
            throws InterruptedException {
        Lab lab = new Lab(config, clock, time, List.of(subscribers));
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
        return faults.whyUnavailable(kind);
    }

    /** Adds clients to a group (created if new) and starts them; returns their names. */
    public synchronized List<String> addClients(String groupName, int count, Profile profile) {
        ensureOpen();
        new ClientGroup(groupName, count, profile);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = clients.newName(groupName);
            SplittableRandom jitter = seeds.split();
            ReconnectingClient client = new ReconnectingClient(name, profile, target, clients.newAddress(),
                    group.next(), transport, telemetry, jitter::nextDouble, config.kernelSampleInterval());
            clients.add(groupName, client);
            telemetry.clientAdded(name, groupName, profile);
            client.start();
            names.add(name);
        }
        return names;
    }

    /** Stops and removes these clients, closing their connections gracefully. */
    public void removeClients(Collection<String> names) throws InterruptedException {
        List<ReconnectingClient> removed = clients.remove(names);
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
    public List<ReconnectingClient> select(String target) {
        return clients.select(target);
    }

    /** Each client's group, by client name. */
    public Map<String, String> groups() {
        return clients.groups();
    }

    public List<ReconnectingClient> clients() {
        return clients.all();
    }

    /**
     * Makes a fault on the clients the target names and returns its record, whose t0 is the moment
     * it was in force. Network faults go to the kernel or the proxy; freezes and resets are made
     * inside the applications.
     */
    public FaultRecord inject(FaultKind kind, String target, Latency latency) throws FaultException {
        ensureOpen();
        return faults.inject(kind, target, latency);
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
        return faults.plugIn(target);
    }

    /** Thaws frozen clients and the server's ends of their connections. */
    public List<FaultRecord> unfreeze(String target) {
        return faults.unfreeze(target);
    }

    public List<FaultRecord> faults() {
        return faultBook.all();
    }

    /** Every fault with the ends of the connections it hit, measured from its t0. */
    public List<Race> races() {
        return faultBook.races(telemetry.ends(), telemetry.connectedSince());
    }

    /**
     * Stops the server (every connection sees its peer close), waits {@code down}, and starts it
     * again on the same port. Blocks for about {@code down}. Recorded as a fault, so its race shows.
     */
    public FaultRecord restartServer(Duration down) throws InterruptedException {
        ensureOpen();
        return faults.restartServer(down);
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
            names = clients.names();
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
