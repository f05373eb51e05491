package lab.heartbeat.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import lab.heartbeat.detect.Cause;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.detect.Side;
import lab.heartbeat.protocol.FrameDecoder;
import lab.heartbeat.protocol.FrameEncoder;

/**
 * One client that keeps at most one connection to the server alive: it connects, and whenever the
 * connection ends or cannot be made, waits out its profile's jittered exponential backoff and tries
 * again. The attempts start again only once a connection has proved itself (the server sent a frame,
 * or it stayed up for the backoff's stable period), so a server that accepts and then closes,
 * resets or never answers sees the client back off. All of its state lives on one event loop (as
 * Netty's UptimeClient and lettuce's ConnectionWatchdog), so no lock is needed.
 */
public final class ReconnectingClient {
    private final String name;
    private final Profile profile;
    private final InetSocketAddress server;
    private final InetAddress localAddress;
    private final EventLoop loop;
    private final Transports transport;
    private final TransportListener listener;
    private final DoubleSupplier random;
    private final Duration kernelSampleInterval;

    private volatile ClientState state = ClientState.STOPPED;
    private volatile Channel channel;
    private ScheduledFuture<?> pendingReconnect;
    private int attempt;
    private boolean stopped;
    private boolean warnedUnsupported;
    private boolean frozen;
    private boolean reconnectDeferred;
    /**
     * Whether a frame arrived on the current connection: the server answered, so the connection
     * proved itself and the backoff starts again when it ends. A bare TCP connect proves nothing.
     */
    private boolean heardFromServer;

    /**
     * A client of {@code server}. When {@code localAddress} is set, every connection is made from
     * it: on loopback each client gets its own 127.x address, so that a fault can target the client
     * (its reconnections included) rather than one port. {@code random} draws the backoff jitter.
     */
    public ReconnectingClient(String name, Profile profile, InetSocketAddress server, InetAddress localAddress,
            EventLoop loop, Transports transport, TransportListener listener, DoubleSupplier random,
            Duration kernelSampleInterval) {
        this.name = name;
        this.profile = profile;
        this.server = server;
        this.localAddress = localAddress;
        this.loop = loop;
        this.transport = transport;
        this.listener = listener;
        this.random = random;
        this.kernelSampleInterval = kernelSampleInterval;
    }

    public String name() {
        return name;
    }

    public Profile profile() {
        return profile;
    }

    public ClientState state() {
        return state;
    }

    /** The address this client connects from, or null for the system's choice. */
    public InetAddress localAddress() {
        return localAddress;
    }

    /**
     * Freezes or thaws the client application: a frozen client neither reads, answers, sends nor
     * judges its connection, and does not reconnect until thawed.
     */
    public void freeze(boolean value) {
        loop.execute(() -> {
            frozen = value;
            if (channel != null && channel.isOpen()) {
                ConnectionCommands.freeze(channel, value);
            }
            if (!value && reconnectDeferred) {
                reconnectDeferred = false;
                connect();
            }
        });
    }

    public void start() {
        loop.execute(this::connect);
    }

    /** Stops reconnecting and closes the live connection gracefully; completes when it is closed. */
    public Future<?> stop() {
        var done = loop.<Void>newPromise();
        loop.execute(() -> {
            stopped = true;
            if (pendingReconnect != null) {
                pendingReconnect.cancel(false);
            }
            setState(ClientState.STOPPED);
            if (channel != null && channel.isOpen()) {
                ConnectionCommands.close(channel, Cause.LOCAL_CLOSE, "client stopped");
                channel.closeFuture().addListener(f -> done.trySuccess(null));
            } else {
                done.trySuccess(null);
            }
        });
        return done;
    }

    /** Sends a DATA frame on the live connection, if there is one and it is not frozen; true when it was handed to the socket. */
    public Future<Boolean> sendData(byte[] payload) {
        var result = loop.<Boolean>newPromise();
        loop.execute(() -> {
            ClientHandler handler = channel == null ? null : channel.pipeline().get(ClientHandler.class);
            if (handler == null || !channel.isActive() || frozen) {
                result.trySuccess(false);
                return;
            }
            result.trySuccess(handler.sendData(payload));
        });
        return result;
    }

    /** Closes the live connection with the given cause, as a fault does; the client then reconnects. */
    public void closeConnection(Cause cause, String reason) {
        loop.execute(() -> {
            if (channel != null && channel.isOpen()) {
                ConnectionCommands.close(channel, cause, reason);
            }
        });
    }

    /** The live channel, for the fault layer; null when not connected. Call on any thread. */
    public Channel channel() {
        return channel;
    }

    private void connect() {
        if (stopped) {
            return;
        }
        if (frozen) {
            reconnectDeferred = true;
            return;
        }
        setState(ClientState.CONNECTING);
        heardFromServer = false;
        Bootstrap bootstrap = new Bootstrap()
                .group(loop)
                .channel(transport.channel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) profile.connectTimeout().toMillis())
                .handler(new Initializer());
        ChannelFuture connecting = localAddress == null ? bootstrap.connect(server)
                : bootstrap.connect(server, new InetSocketAddress(localAddress, 0));
        channel = connecting.channel();
        connecting.addListener((ChannelFuture f) -> {
            if (f.isSuccess()) {
                long upSince = loop.ticker().nanoTime();
                setState(ClientState.UP);
                f.channel().closeFuture().addListener(closed -> {
                    if (heardFromServer || loop.ticker().nanoTime() - upSince >= profile.backoff().stablePeriod()
                            .toNanos()) {
                        attempt = 0;
                    }
                    scheduleReconnect("connection closed");
                });
            } else {
                scheduleReconnect(f.cause() == null ? "connect failed" : ErrorText.of(f.cause(), server.getHostString()));
            }
        });
    }

    private void scheduleReconnect(String lastError) {
        if (stopped) {
            return;
        }
        attempt++;
        Duration delay = profile.backoff().delay(attempt, random);
        setState(ClientState.BACKOFF);
        listener.reconnectScheduled(name, attempt, delay, lastError, loop.ticker().nanoTime());
        pendingReconnect = loop.schedule(this::connect, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void setState(ClientState next) {
        if (state != next) {
            state = next;
            listener.clientStateChanged(name, next, loop.ticker().nanoTime());
        }
    }

    /** The pipeline of one connection, bottom to top. */
    private final class Initializer extends ChannelInitializer<SocketChannel> {
        @Override
        protected void initChannel(SocketChannel ch) {
            List<String> unsupported = SocketTuning.apply(ch.config(), transport, profile.keepalive(),
                    profile.userTimeout());
            if (!unsupported.isEmpty() && !warnedUnsupported) {
                warnedUnsupported = true;
                unsupported.forEach(u -> listener.unsupported(name, u, loop.ticker().nanoTime()));
            }
            ch.pipeline()
                    .addLast("decoder", new FrameDecoder())
                    .addLast("encoder", FrameEncoder.INSTANCE)
                    .addLast("connection", new ClientHandler(name, profile, new LazyObserver(ch), kernelSampleInterval));
        }
    }

    /**
     * The connection's id needs the local port, which is known only once connected; the observer
     * is asked of the listener then.
     */
    private final class LazyObserver implements ConnectionObserver {
        private final Channel ch;
        private ConnectionObserver delegate = ConnectionObserver.NONE;

        LazyObserver(Channel ch) {
            this.ch = ch;
        }

        @Override
        public void connected(long nanos) {
            InetSocketAddress local = (InetSocketAddress) ch.localAddress();
            InetSocketAddress remote = (InetSocketAddress) ch.remoteAddress();
            ConnectionId id = new ConnectionId(Side.CLIENT, name, local.getPort());
            delegate = listener.connectionOpened(id, remote.getAddress().getHostAddress() + ":" + remote.getPort(),
                    nanos);
            delegate.connected(nanos);
        }

        @Override public void named(ConnectionId id) { delegate.named(id); }
        @Override
        public void frameReceived(lab.heartbeat.protocol.FrameType t, int b, long n) {
            heardFromServer = true;
            delegate.frameReceived(t, b, n);
        }

        @Override public void frameSent(lab.heartbeat.protocol.FrameType t, int b, long n) { delegate.frameSent(t, b, n); }
        @Override public void heartbeatAcked(long rttNanos) { delegate.heartbeatAcked(rttNanos); }
        @Override public void missesChanged(int misses) { delegate.missesChanged(misses); }
        @Override public void kernelSampled(KernelTcpInfo info) { delegate.kernelSampled(info); }
        @Override public void phiChanged(lab.heartbeat.detect.PhiEstimate e) { delegate.phiChanged(e); }
        @Override public void closed(Closure closure) { delegate.closed(closure); }
    }
}
