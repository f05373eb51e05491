package lab.heartbeat.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.channel.EventLoopGroup;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The server against exhaustion: out of file descriptors it backs off and serves again once
 * descriptors are free; past its connection limit it closes new connections at once; an Error on
 * its event loop fails the process instead of leaving it alive and deaf.
 */
class ServerResilienceTest {
    private static final byte[] HEARTBEAT = {0, 0, 0, 0, 8, 0, 0, 0};
    private static final int ACK = 1;

    @Test
    @EnabledOnOs(OS.LINUX)
    void outlivesRunningOutOfFileDescriptorsAndServesAgain() throws Exception {
        // 128 descriptors: the JVM needs some 40; the limit on connections is set far above, so
        // accept itself fails with EMFILE.
        Process server = startServer(List.of("prlimit", "--nofile=128:128"), "100000");
        List<Socket> flood = new ArrayList<>();
        try {
            List<String> out = new CopyOnWriteArrayList<>();
            int port = port(server, out);
            for (int i = 0; i < 200; i++) {
                flood.add(new Socket("127.0.0.1", port));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> out.stream().anyMatch(l -> l.startsWith("accept-failed")));
            assertThat(out).filteredOn(l -> l.startsWith("accept-failed")).first().asString()
                    .contains("Too many open files");
            for (Socket s : flood) {
                s.close();
            }
            flood.clear();
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
                assertThat(heartbeatAnswered(port)).isTrue();
            });
            assertThat(server.isAlive()).isTrue();
        } finally {
            for (Socket s : flood) {
                s.close();
            }
            stop(server);
        }
        assertThat(server.exitValue()).as("a clean stop after the exhaustion").isZero();
    }

    @Test
    void pastTheConnectionLimitANewConnectionIsClosedAtOnceWithAnEvent() throws Exception {
        Transports transport = Transports.current();
        TrackedThreads threads = TrackedThreads.forEventLoops("limit-test");
        EventLoopGroup group = transport.newGroup(1, threads);
        EventLines listener = new EventLines();
        HeartbeatServer server = new HeartbeatServer(ServerSettings.defaults().withPort(0).withMaxConnections(2), group,
                transport, listener);
        List<Socket> sockets = new ArrayList<>();
        try {
            int port = server.start();
            sockets.add(new Socket("127.0.0.1", port));
            sockets.add(new Socket("127.0.0.1", port));
            await().atMost(Duration.ofSeconds(5)).until(() -> server.onlineCount() == 2);
            try (Socket third = new Socket("127.0.0.1", port)) {
                third.setSoTimeout(5000);
                assertThat(third.getInputStream().read()).as("closed at once").isEqualTo(-1);
            }
            assertThat(listener.lines).containsExactly("refused: the server is at its limit of 2 connections");
            assertThat(server.onlineCount()).isEqualTo(2);

            sockets.remove(0).close();
            await().atMost(Duration.ofSeconds(5)).until(() -> server.onlineCount() == 1);
            assertThat(heartbeatAnswered(port)).as("a slot is free again").isTrue();
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
            server.stop();
            threads.ending();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void anErrorOnAnEventLoopFailsTheProcessWithExitCodeOne() throws Exception {
        Process server = startServer(List.of(), "100", "error");
        try {
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("the process ends").isTrue();
            assertThat(server.exitValue()).isEqualTo(1);
            String err = new String(server.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(err).contains("fatal error on").contains("OutOfMemoryError: injected by the test");
        } finally {
            server.destroyForcibly().waitFor();
        }
    }

    private static Process startServer(List<String> prefix, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                ServerProcess.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    /** Reads the server's {@code port N} line, then collects its further lines on a thread as they come. */
    private static int port(Process server, List<String> later) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(server.getInputStream(),
                StandardCharsets.UTF_8));
        String first = reader.readLine();
        assertThat(first).as("the server's first line").startsWith("port ");
        Thread t = new Thread(() -> {
            try {
                for (String l = reader.readLine(); l != null; l = reader.readLine()) {
                    later.add(l);
                }
            } catch (IOException ignored) {
                // The process ended.
            }
        }, "server-lines");
        t.setDaemon(true);
        t.start();
        return Integer.parseInt(first.substring("port ".length()));
    }

    private static boolean heartbeatAnswered(int port) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(2000);
            s.getOutputStream().write(HEARTBEAT);
            DataInputStream in = new DataInputStream(s.getInputStream());
            return Integer.reverseBytes(in.readInt()) == ACK;
        }
    }

    private static void stop(Process server) throws InterruptedException, IOException {
        server.getOutputStream().close();
        if (!server.waitFor(20, TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor();
        }
    }
}
