package lab.heartbeat.transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Ticker;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import lab.heartbeat.detect.Cause;
import lab.heartbeat.detect.Side;
import lab.heartbeat.detect.SweepParams;
import lab.heartbeat.detect.TickSchedule;
import lab.heartbeat.protocol.FrameDecoder;
import lab.heartbeat.protocol.FrameEncoder;

/**
 * The embedded heartbeat server: one listening port, seed-compatible framing, an answer to every
 * heartbeat, a sweep of silent connections and a thread-safe registry of the online ones. It can be
 * stopped and started again on the same port, which is how a server restart is made.
 */
public final class HeartbeatServer implements AutoCloseable {
    private final ServerSettings settings;
    private final EventLoopGroup group;
    private final Transports transport;
    private final TransportListener listener;
    private final Map<Channel, ServerConnection> online = new ConcurrentHashMap<>();
    private volatile Channel listening;
    private volatile int boundPort = -1;
    /** The sweep new connections get and its server-wide phase, replaced as one. */
    private record SweepPlan(SweepParams params, TickSchedule schedule) {
        static SweepPlan of(SweepParams params, long phaseNanos) {
            return new SweepPlan(params, params == null ? null : new TickSchedule(phaseNanos,
                    params.interval().toNanos()));
        }
    }

    private volatile SweepPlan sweep;

    public HeartbeatServer(ServerSettings settings, EventLoopGroup group, Transports transport,
            TransportListener listener) {
        this.settings = settings;
        this.group = group;
        this.transport = transport;
        this.listener = listener;
        this.sweep = SweepPlan.of(settings.sweep(), Ticker.systemTicker().nanoTime());
    }

    /** Binds and returns the port; after a restart, the port bound the first time. */
    public synchronized int start() throws InterruptedException {
        if (listening != null) {
            return boundPort;
        }
        int port = boundPort > 0 ? boundPort : settings.port();
        long now = Ticker.systemTicker().nanoTime();
        sweep = SweepPlan.of(sweep.params(), now);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .handler(new AcceptGuard(settings.connectionLimit(), listener))
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new Initializer());
        Channel channel = bootstrap.bind(new InetSocketAddress(settings.bind(), port)).sync().channel();
        listening = channel;
        boundPort = ((InetSocketAddress) channel.localAddress()).getPort();
        listener.serverStarted(boundPort, transport.label(), now);
        return boundPort;
    }

    /** Closes the listening socket and every connection (they see the peer close). */
    public synchronized void stop() throws InterruptedException {
        Channel channel = listening;
        if (channel == null) {
            return;
        }
        listening = null;
        channel.close().sync();
        List<ServerConnection> closing = List.copyOf(online.values());
        for (ServerConnection c : closing) {
            c.close(Cause.LOCAL_CLOSE, "server stopped");
        }
        for (ServerConnection c : closing) {
            c.channel().closeFuture().sync();
        }
        // A connection's end is recorded by channelInactive, a task its loop queues as the channel
        // closes, after the close future is done and the connection has left `online` (also for a
        // peer that closed just before this stop). A task queued behind it on every loop runs after
        // it, so no connection's end is recorded after the server's stop.
        for (EventExecutor loop : group) {
            if (!loop.isShuttingDown()) {
                loop.submit(() -> { }).sync();
            }
        }
        listener.serverStopped(boundPort, Ticker.systemTicker().nanoTime());
    }

    /**
     * Sweeps connections accepted from now on with these parameters (null: no sweep); running
     * connections keep the sweep they started with, as clients keep their profile.
     */
    public void updateSweep(SweepParams newSweep) {
        sweep = SweepPlan.of(newSweep, Ticker.systemTicker().nanoTime());
    }

    /** The sweep new connections get, or null for none. */
    public SweepParams sweep() {
        return sweep.params();
    }

    public boolean isRunning() {
        return listening != null;
    }

    public int port() {
        return boundPort;
    }

    /** The online connections; a live view safe to read from any thread. */
    public Collection<ServerConnection> connections() {
        return java.util.Collections.unmodifiableCollection(online.values());
    }

    public int onlineCount() {
        return online.size();
    }

    public ServerSettings settings() {
        return settings;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /** The pipeline of an accepted connection, bottom to top. */
    private final class Initializer extends ChannelInitializer<SocketChannel> {
        @Override
        protected void initChannel(SocketChannel ch) {
            SocketTuning.apply(ch.config(), transport, settings.keepalive(), null);
            InetSocketAddress remote = ch.remoteAddress();
            long now = ch.eventLoop().ticker().nanoTime();
            String remoteText = remote.getAddress().getHostAddress() + ":" + remote.getPort();
            // A peer without HELLO (the seed programs) is named by its address until it says otherwise.
            ConnectionId id = new ConnectionId(Side.SERVER, "peer@" + remote.getAddress().getHostAddress(),
                    remote.getPort());
            ServerConnection connection = new ServerConnection(ch, id, remoteText, now);
            online.put(ch, connection);
            ch.closeFuture().addListener(f -> online.remove(ch));
            ConnectionObserver observer = listener.connectionOpened(id, remoteText, now);
            SweepPlan plan = sweep;
            ch.pipeline()
                    // bytes -> frames: seed-compatible little-endian header, bounded length
                    .addLast("decoder", new FrameDecoder(settings.maxFrameBytes()))
                    // frames -> bytes
                    .addLast("encoder", FrameEncoder.INSTANCE)
                    // answers heartbeats, sweeps silence, closes with a cause
                    .addLast("connection", new ServerHandler(connection, observer, plan.params(), plan.schedule(),
                            settings));
        }
    }
}
