package lab.heartbeat.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Relays every connection accepted on a listening socket to a new connection to a target, bytes
 * both ways, until both sides have closed: TCP on the host to a Unix socket file, or a Unix socket
 * file to TCP on a namespace's loopback. A socket file crosses network namespaces, a TCP port does
 * not. Blocking channels, two threads per connection: a relay carries a few scrapes and API calls.
 */
final class SocketRelay implements AutoCloseable {
    private static final int BUFFER = 16 * 1024;

    private final ServerSocketChannel listener;
    private final SocketAddress target;
    private final Path socketFile;
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final String name;

    private SocketRelay(ServerSocketChannel listener, SocketAddress target, Path socketFile, String name) {
        this.listener = listener;
        this.target = target;
        this.socketFile = socketFile;
        this.name = name;
        start("relay-" + name + "-accept", this::accept);
    }

    /** Listens on TCP at {@code address} (port 0 picks one) and relays to the Unix socket file {@code socket}. */
    static SocketRelay tcpToUnix(String name, InetSocketAddress address, Path socket) throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open();
        try {
            listener.bind(address);
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        return new SocketRelay(listener, UnixDomainSocketAddress.of(socket), null, name);
    }

    /** Listens on the Unix socket file {@code socket}, which it removes when closed, and relays to {@code target}. */
    static SocketRelay unixToTcp(String name, Path socket, InetSocketAddress target) throws IOException {
        Files.deleteIfExists(socket);
        ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            listener.bind(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        return new SocketRelay(listener, target, socket, name);
    }

    /** The TCP port listened on (a relay from TCP). */
    int port() throws IOException {
        return ((InetSocketAddress) listener.getLocalAddress()).getPort();
    }

    private void accept() {
        while (listener.isOpen()) {
            SocketChannel in;
            try {
                in = listener.accept();
            } catch (IOException closed) {
                return;
            }
            open.add(in);
            SocketChannel out;
            try {
                out = SocketChannel.open(target);
            } catch (IOException e) {
                // The other side is not listening (yet, or any more): the caller sees a closed connection.
                closeQuietly(in);
                continue;
            }
            open.add(out);
            if (!listener.isOpen()) {
                closeQuietly(in);
                closeQuietly(out);
                return;
            }
            AtomicInteger ended = new AtomicInteger();
            start("relay-" + name + "-in", () -> pump(in, out, ended));
            start("relay-" + name + "-out", () -> pump(out, in, ended));
        }
    }

    private void start(String threadName, Runnable body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } finally {
                threads.remove(Thread.currentThread());
            }
        }, threadName);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    /** Copies until {@code from} ends, then half-closes {@code to}; the second direction to end closes both. */
    private void pump(SocketChannel from, SocketChannel to, AtomicInteger ended) {
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        try {
            while (from.read(buffer) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    to.write(buffer);
                }
                buffer.clear();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // A reset or a close on either side ends the connection on both.
            ended.set(1);
        }
        if (ended.incrementAndGet() >= 2) {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void closeQuietly(SocketChannel channel) {
        open.remove(channel);
        try {
            channel.close();
        } catch (IOException e) {
            // Closing on the way out: nothing more to do with it.
        }
    }

    /** Stops listening, ends every relayed connection and its threads, and removes the socket file. */
    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // Closing: the accept loop ends either way.
        }
        open.forEach(this::closeQuietly);
        try {
            for (Thread t : Set.copyOf(threads)) {
                t.join(2_000);
            }
        } catch (InterruptedException e) {
            // Closing on the way out of an interrupted command: the threads end with their closed channels.
            Thread.currentThread().interrupt();
        }
        if (socketFile != null) {
            try {
                Files.deleteIfExists(socketFile);
            } catch (IOException e) {
                // The temporary directory that holds it is removed by whoever made it.
            }
        }
    }
}
