package lab.heartbeat.transport;

import io.netty.channel.EventLoopGroup;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import lab.heartbeat.detect.SweepParams;

/**
 * A heartbeat server in a JVM of its own, for tests that need a process to fail or to run out of
 * file descriptors: {@code ServerProcess MAX_CONNECTIONS [error]}. It prints {@code port N}, then a
 * line per accept failure or refusal (from a printer thread, as the event log does), and stops
 * when its stdin closes. With {@code error}, it connects to itself and throws an
 * OutOfMemoryError into that connection's pipeline on its event loop.
 */
public final class ServerProcess {
    private ServerProcess() {
    }

    public static void main(String[] args) throws Exception {
        int maxConnections = Integer.parseInt(args[0]);
        boolean injectError = args.length > 1 && args[1].equals("error");
        EventLines listener = new EventLines();
        BlockingQueue<String> lines = listener.lines;
        Thread printer = new Thread(() -> {
            try {
                while (true) {
                    System.out.println(lines.take());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "printer");
        printer.setDaemon(true);
        printer.start();
        Transports transport = Transports.current();
        TrackedThreads threads = TrackedThreads.forEventLoops("server-process");
        EventLoopGroup group = transport.newGroup(2, threads);
        ServerSettings settings = ServerSettings.defaults().withPort(0).withMaxConnections(maxConnections)
                .withSweep(new SweepParams(Duration.ofSeconds(1), 30));
        HeartbeatServer server = new HeartbeatServer(settings, group, transport, listener);
        int port = server.start();
        lines.put("port " + port);
        if (injectError) {
            try (Socket self = new Socket("127.0.0.1", port)) {
                while (server.onlineCount() == 0) {
                    TimeUnit.MILLISECONDS.sleep(10);
                }
                ServerConnection c = server.connections().iterator().next();
                c.channel().eventLoop().execute(() -> c.channel().pipeline()
                        .fireExceptionCaught(new OutOfMemoryError("injected by the test")));
                TimeUnit.SECONDS.sleep(30);
            }
        }
        while (System.in.read() >= 0) {
            // Runs until the test closes stdin.
        }
        server.stop();
        threads.ending();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
    }
}
