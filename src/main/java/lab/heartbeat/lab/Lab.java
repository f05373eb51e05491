package lab.heartbeat.lab;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Ticker;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.telemetry.EventKind;
import lab.heartbeat.telemetry.LabEvent;
import lab.heartbeat.telemetry.Telemetry;
import lab.heartbeat.telemetry.TimeBase;
import lab.heartbeat.transport.HeartbeatServer;
import lab.heartbeat.transport.ReconnectingClient;
import lab.heartbeat.transport.TrackedThreads;
import lab.heartbeat.transport.Transports;

/**
 * One running experiment: the embedded server, its clients, and their telemetry, built from a
 * {@link LabConfig}. Clients can be added and removed while it runs. {@link #close()} stops every
 * client and the server and returns only when no thread, socket or timer of the lab is left.
 */
public final class Lab implements AutoCloseable {
    private final LabConfig config;
    private final Transports transport;
    private final TrackedThreads ioThreads = new TrackedThreads("lab-io");
    private final EventLoopGroup group;
    private final Telemetry telemetry;
    private final HeartbeatServer server;
    private final InetSocketAddress target;
    private final SplittableRandom seeds;
    private final Map<String, ReconnectingClient> clients = new LinkedHashMap<>();
    private final Map<String, Integer> groupSizes = new LinkedHashMap<>();
    private boolean closed;

    private Lab(LabConfig config, TimeBase time, List<Consumer<LabEvent>> subscribers) throws InterruptedException {
        this.config = config;
        this.transport = Transports.current();
        this.group = transport.newGroup(config.ioThreads(), ioThreads);
        this.telemetry = new Telemetry(config.telemetry(), Ticker.systemTicker(), time);
        subscribers.forEach(telemetry.events()::subscribe);
        this.seeds = config.jitterSeed() == null ? new SplittableRandom() : new SplittableRandom(config.jitterSeed());
        try {
            if (config.server() != null) {
                server = new HeartbeatServer(config.server(), group, transport, telemetry);
                int port = server.start();
                target = new InetSocketAddress(config.server().bind(), port);
            } else {
                server = null;
                target = config.connect();
            }
        } catch (Exception e) {
            // Also Netty's undeclared bind IOException: nothing of a lab that failed to start may linger.
            shutdownQuietly();
            throw e;
        }
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

    /** Where the clients connect. */
    public InetSocketAddress target() {
        return target;
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
            ReconnectingClient client = new ReconnectingClient(name, profile, target, group.next(), transport,
                    telemetry, jitter::nextDouble, config.kernelSampleInterval());
            clients.put(name, client);
            telemetry.clientAdded(name, profile.name());
            client.start();
            names.add(name);
        }
        groupSizes.put(groupName, next);
        return names;
    }

    /** Stops and removes these clients, closing their connections gracefully. */
    public void removeClients(Collection<String> names) throws InterruptedException {
        List<ReconnectingClient> removed = new ArrayList<>();
        synchronized (this) {
            for (String name : names) {
                ReconnectingClient c = clients.remove(name);
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

    /** The clients whose name is in the list, or that belong to the group of that name, or all for "all". */
    public synchronized List<ReconnectingClient> select(String target) {
        if ("all".equals(target)) {
            return List.copyOf(clients.values());
        }
        List<ReconnectingClient> selected = new ArrayList<>();
        for (ReconnectingClient c : clients.values()) {
            if (c.name().equals(target) || c.name().startsWith(target + "-") && groupSizes.containsKey(target)) {
                selected.add(c);
            }
        }
        return selected;
    }

    public synchronized List<ReconnectingClient> clients() {
        return List.copyOf(clients.values());
    }

    /**
     * Stops the server (every connection sees its peer close), waits {@code down}, and starts it
     * again on the same port. Blocks for about {@code down}.
     */
    public void restartServer(Duration down) throws InterruptedException {
        ensureOpen();
        if (server == null) {
            throw new IllegalStateException("this lab has no embedded server to restart");
        }
        telemetry.action(EventKind.ACTION, "server", "server-restart: down for " + down.toMillis() + " ms");
        server.stop();
        TimeUnit.NANOSECONDS.sleep(down.toNanos());
        server.start();
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
        removeClients(names);
        if (server != null) {
            server.stop();
        }
        shutdownQuietly();
    }

    private void shutdownQuietly() throws InterruptedException {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        ioThreads.joinAll(5, TimeUnit.SECONDS);
        telemetry.close();
    }
}
