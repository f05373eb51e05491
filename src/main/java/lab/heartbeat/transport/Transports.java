package lab.heartbeat.transport;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.concurrent.ThreadFactory;

/**
 * The I/O transport: epoll on Linux (it alone exposes TCP_USER_TIMEOUT and the kernel's TCP_INFO),
 * NIO elsewhere. Setting the system property {@code heartbeat.transport=nio} forces NIO.
 */
public enum Transports {
    EPOLL,
    NIO;

    /** The transport this JVM uses. */
    public static Transports current() {
        boolean forceNio = "nio".equalsIgnoreCase(System.getProperty("heartbeat.transport"));
        return !forceNio && Epoll.isAvailable() ? EPOLL : NIO;
    }

    public EventLoopGroup newGroup(int threads, ThreadFactory threadFactory) {
        IoHandlerFactory factory = this == EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        return new MultiThreadIoEventLoopGroup(threads, threadFactory, factory);
    }

    public Class<? extends ServerChannel> serverChannel() {
        return this == EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    public Class<? extends SocketChannel> channel() {
        return this == EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    public boolean supportsUserTimeout() {
        return this == EPOLL;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Why this transport is in use, for status lines. */
    public static String reason() {
        if (current() == EPOLL) {
            return "epoll";
        }
        Throwable why = Epoll.unavailabilityCause();
        return "nio" + (why == null ? " (forced)" : " (epoll unavailable: " + why.getMessage() + ")");
    }
}
