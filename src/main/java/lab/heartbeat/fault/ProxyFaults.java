package lab.heartbeat.fault;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import lab.heartbeat.transport.Transports;

/**
 * Faults made by an in-process relay in front of the server, the fallback where the kernel
 * cannot be used. A pulled cable stops forwarding in both directions while both sockets stay open;
 * both kernels keep acknowledging what reaches them, so OS keepalive and user timeout cannot see
 * it, which is what {@link #limitation()} says to the user. The relay can also delay each
 * direction. Clients are told apart by their source address.
 */
public final class ProxyFaults implements NetworkFaults {
    private final EventLoopGroup group;
    private final Transports transport;
    private final InetSocketAddress server;
    private final Map<InetAddress, ClientPath> paths = new ConcurrentHashMap<>();
    private final Set<Relay> relays = new CopyOnWriteArraySet<>();
    private final Channel listening;

    private ProxyFaults(EventLoopGroup group, Transports transport, InetSocketAddress server)
            throws InterruptedException {
        this.group = group;
        this.transport = transport;
        this.server = server;
        this.listening = new ServerBootstrap().group(group).channel(transport.serverChannel())
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        Relay relay = new Relay(ch, path(ch.remoteAddress().getAddress()));
                        relays.add(relay);
                        ch.closeFuture().addListener(f -> relays.remove(relay));
                        ch.pipeline().addLast(relay.fromClient);
                    }
                })
                .bind(new InetSocketAddress(server.getAddress(), 0)).sync().channel();
    }

    /** Starts a relay on the server's address, on a free port, forwarding to {@code server}. */
    public static ProxyFaults start(EventLoopGroup group, Transports transport, InetSocketAddress server)
            throws InterruptedException {
        return new ProxyFaults(group, transport, server);
    }

    @Override
    public String name() {
        return "proxy";
    }

    @Override
    public String limitation() {
        return "proxy faults stop forwarding, but the kernels on both sides still acknowledge every segment: "
                + "OS keepalive and TCP_USER_TIMEOUT cannot detect them";
    }

    @Override
    public Set<FaultKind> supported() {
        return EnumSet.of(FaultKind.CABLE_PULL, FaultKind.DROP_TO_SERVER, FaultKind.DROP_TO_CLIENT,
                FaultKind.LATENCY);
    }

    @Override
    public InetSocketAddress clientTarget(InetSocketAddress ignored) {
        return (InetSocketAddress) listening.localAddress();
    }

    @Override
    public void apply(FaultKind kind, Collection<InetAddress> clients, Latency latency) throws FaultException {
        if (!supported().contains(kind)) {
            throw new FaultException("the proxy backend cannot make " + kind);
        }
        for (InetAddress client : clients) {
            ClientPath p = path(client);
            if (kind == FaultKind.LATENCY) {
                p.latency = latency;
            } else {
                p.blockToServer |= kind.dropsToServer();
                p.blockToClient |= kind.dropsToClient();
            }
        }
        refresh(clients);
    }

    @Override
    public void clear(Collection<InetAddress> clients) {
        for (InetAddress client : clients) {
            ClientPath p = path(client);
            p.blockToServer = false;
            p.blockToClient = false;
            p.latency = Latency.NONE;
        }
        refresh(clients);
    }

    private void refresh(Collection<InetAddress> clients) {
        Set<InetAddress> affected = Set.copyOf(clients);
        for (Relay r : relays) {
            if (affected.contains(r.path.client)) {
                r.client.eventLoop().execute(r::applyPath);
            }
        }
    }

    private ClientPath path(InetAddress client) {
        return paths.computeIfAbsent(client, ClientPath::new);
    }

    @Override
    public void close() {
        listening.close().syncUninterruptibly();
        for (Relay r : relays) {
            r.client.close();
            if (r.server != null) {
                r.server.close();
            }
        }
    }

    /** What is currently done to one client's traffic. */
    private static final class ClientPath {
        final InetAddress client;
        volatile boolean blockToServer;
        volatile boolean blockToClient;
        volatile Latency latency = Latency.NONE;

        ClientPath(InetAddress client) {
            this.client = client;
        }
    }

    /** One client connection and its connection to the server, confined to the client's event loop. */
    private final class Relay {
        final Channel client;
        final ClientPath path;
        final Forward fromClient = new Forward(true);
        final Forward fromServer = new Forward(false);
        final SplittableRandom jitter = new SplittableRandom();
        Channel server;
        boolean connecting;

        Relay(Channel client, ClientPath path) {
            this.client = client;
            this.path = path;
        }

        /** A real cable pull lets no SYN through: connect onwards only while the path is open. */
        void applyPath() {
            if (server == null) {
                if (!path.blockToServer && !path.blockToClient && !connecting && client.isActive()) {
                    connectOnwards();
                }
                return;
            }
            client.config().setAutoRead(!path.blockToServer);
            server.config().setAutoRead(!path.blockToClient);
        }

        private void connectOnwards() {
            connecting = true;
            new Bootstrap().group(client.eventLoop()).channel(transport.channel())
                    .option(ChannelOption.AUTO_READ, false).option(ChannelOption.TCP_NODELAY, true)
                    .handler(fromServer).connect(ProxyFaults.this.server)
                    .addListener((ChannelFutureListener) f -> {
                        if (!f.isSuccess()) {
                            client.close();
                            return;
                        }
                        server = f.channel();
                        applyPath();
                    });
        }

        /** Copies bytes one way, after the path's latency; a reset on one side resets the other. */
        final class Forward extends ChannelInboundHandlerAdapter {
            private final boolean upstream;
            private long lastDue;

            Forward(boolean upstream) {
                this.upstream = upstream;
            }

            private Channel peer() {
                return upstream ? server : client;
            }

            @Override
            public void channelActive(ChannelHandlerContext ctx) {
                if (upstream) {
                    applyPath();
                }
                ctx.fireChannelActive();
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                Channel peer = peer();
                if (peer == null || !peer.isActive()) {
                    ReferenceCountUtil.release(msg);
                    return;
                }
                long delay = path.latency.sampleNanos(jitter::nextDouble);
                if (delay <= 0 && lastDue <= System.nanoTime()) {
                    peer.writeAndFlush(msg);
                    return;
                }
                // Keep the byte stream in order: a packet never overtakes the one before it.
                long due = Math.max(System.nanoTime() + delay, lastDue);
                lastDue = due;
                ctx.executor().schedule(() -> peer.writeAndFlush(msg), due - System.nanoTime(), TimeUnit.NANOSECONDS);
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                Channel peer = peer();
                if (peer != null) {
                    peer.eventLoop().schedule(() -> peer.close(), Math.max(0, lastDue - System.nanoTime()),
                            TimeUnit.NANOSECONDS);
                }
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                Channel peer = peer();
                if (peer != null && cause instanceof IOException && String.valueOf(cause.getMessage()).contains("reset")) {
                    peer.config().setOption(ChannelOption.SO_LINGER, 0);
                }
                ctx.close();
            }
        }
    }
}
