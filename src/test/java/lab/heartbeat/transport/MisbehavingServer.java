package lab.heartbeat.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A loopback server that misbehaves in one way, with plain blocking sockets, for reconnect tests. */
final class MisbehavingServer implements AutoCloseable {
    private static final byte[] ACK = {1, 0, 0, 0, 8, 0, 0, 0};

    enum Behaviour {
        /** Accepts, then closes at once. */
        ACCEPT_THEN_CLOSE,
        /** Accepts, then resets (SO_LINGER 0). */
        ACCEPT_THEN_RESET,
        /** Accepts and never reads or writes, as a wedged server. */
        NEVER_ANSWER,
        /** Accepts, answers with one ack, then closes its side gracefully. */
        ACK_ONCE_THEN_CLOSE,
        /** Accepts, says nothing, and closes after {@link #HELD_MILLIS}. */
        HOLD_THEN_CLOSE
    }

    static final long HELD_MILLIS = 300;

    private final ServerSocket listening;
    private final Behaviour behaviour;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    MisbehavingServer(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        this.listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptAll, "misbehaving-" + behaviour);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listening.getLocalPort();
    }

    private void acceptAll() {
        try {
            while (true) {
                Socket s = listening.accept();
                switch (behaviour) {
                    case ACCEPT_THEN_CLOSE -> s.close();
                    case ACCEPT_THEN_RESET -> {
                        s.setSoLinger(true, 0);
                        s.close();
                    }
                    case NEVER_ANSWER -> held.add(s);
                    case HOLD_THEN_CLOSE -> {
                        held.add(s);
                        closeLater(s);
                    }
                    case ACK_ONCE_THEN_CLOSE -> {
                        held.add(s);
                        s.getOutputStream().write(ACK);
                        s.shutdownOutput();
                        drainThenClose(s);
                    }
                }
            }
        } catch (IOException closed) {
            // The test closed the server.
        }
    }

    /** The peer's behaviour, not a wait for a condition: it lets the connection live, then ends it. */
    private static void closeLater(Socket s) {
        Thread closer = new Thread(() -> {
            try {
                Thread.sleep(HELD_MILLIS);
                s.close();
            } catch (IOException | InterruptedException ignored) {
                // The test is closing the server.
            }
        }, "closer");
        closer.setDaemon(true);
        closer.start();
    }

    /** Reads until the client closes, so that its unread bytes never turn the close into a reset. */
    private static void drainThenClose(Socket s) throws IOException {
        try (s; InputStream in = s.getInputStream()) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        listening.close();
        for (Socket s : held) {
            s.close();
        }
        acceptor.join(5000);
    }
}
