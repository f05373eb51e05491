package lab.heartbeat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TCP to a Unix socket file and back to TCP, as between a sandbox's parent and child. */
class SocketRelayTest {
    @TempDir
    Path dir;

    @Test
    void bytesCrossBothWaysAndCloseLeavesNoFileNoThreadNoListener() throws Exception {
        Path socket = dir.resolve("svc.sock");
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try (ServerSocket echo = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SocketRelay inner = SocketRelay.unixToTcp("t", socket, new InetSocketAddress(loopback.getAddress(),
                    echo.getLocalPort()));
            SocketRelay outer = SocketRelay.tcpToUnix("t", loopback, socket);
            try (Socket client = new Socket(loopback.getAddress(), outer.port())) {
                OutputStream out = client.getOutputStream();
                out.write("ping".getBytes(StandardCharsets.US_ASCII));
                client.shutdownOutput();
                try (Socket served = echo.accept()) {
                    InputStream in = served.getInputStream();
                    assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII))
                            .as("the request, then end of stream from the half-close").isEqualTo("ping");
                    served.getOutputStream().write("pong".getBytes(StandardCharsets.US_ASCII));
                }
                assertThat(new String(client.getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
                        .isEqualTo("pong");
            }
            int port = outer.port();
            outer.close();
            inner.close();
            assertThat(socket).doesNotExist();
            assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("relay-t-"));
            try (ServerSocket again = new ServerSocket(port, 1, loopback.getAddress())) {
                assertThat(again.isBound()).as("the port is free again").isTrue();
            }
        }
    }
}
