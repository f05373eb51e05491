package lab.heartbeat.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A seeded fuzzer of the wire protocol, one raw connection per case: malformed frames (unknown
 * type, negative length, a length past the maximum, after a few good frames or alone) must close
 * that connection; hostile but well-formed ones (a HELLO of random bytes, of empty lines, of a
 * 60 KB name) must not, and a heartbeat after them is answered. The same seed gives the same cases.
 */
public final class ProtocolFuzzer {
    private static final byte[] HEARTBEAT = header(0, 8);
    private static final int ACK_TYPE = 1;

    /** One case: its bytes, whether the server must close, and what it is, for messages. */
    public record Case(String what, byte[] bytes, boolean mustClose) {
    }

    /** What a run saw: the cases that went other than they must, and how long the closes took. */
    public record Result(int cases, List<String> failures, long[] closeNanos) {
        public double medianCloseMs() {
            if (closeNanos.length == 0) {
                return 0;
            }
            long[] sorted = closeNanos.clone();
            Arrays.sort(sorted);
            return sorted[(sorted.length - 1) / 2] / 1e6;
        }
    }

    private final InetSocketAddress server;
    private final int maxFrameBytes;
    private final Random random;

    public ProtocolFuzzer(InetSocketAddress server, int maxFrameBytes, long seed) {
        this.server = server;
        this.maxFrameBytes = maxFrameBytes;
        this.random = new Random(seed);
    }

    /** Runs {@code count} cases one after the other. */
    public Result run(int count) throws IOException {
        List<String> failures = new ArrayList<>();
        long[] closes = new long[count];
        int closed = 0;
        for (int i = 0; i < count; i++) {
            Case c = next();
            long took = play(c);
            if (took == -1) {
                failures.add("case " + i + " (" + c.what() + "): " + (c.mustClose() ? "not closed" : "not answered"));
            } else if (c.mustClose()) {
                closes[closed++] = took;
            }
        }
        return new Result(count, failures, Arrays.copyOf(closes, closed));
    }

    /** The next case of the seeded sequence. */
    public Case next() {
        int kind = random.nextInt(7);
        return switch (kind) {
            case 0 -> bad("unknown type", header(4 + random.nextInt(Integer.MAX_VALUE - 4), 8 + random.nextInt(64)));
            case 1 -> bad("negative type", header(-1 - random.nextInt(Integer.MAX_VALUE), 8));
            case 2 -> bad("negative length", header(random.nextInt(4), -1 - random.nextInt(Integer.MAX_VALUE)));
            case 3 -> bad("length past the maximum", header(random.nextInt(4),
                    maxFrameBytes + 1 + random.nextInt(Integer.MAX_VALUE - maxFrameBytes - 1)));
            case 4 -> afterGoodFrames();
            case 5 -> hello("random bytes", randomBytes(random.nextInt(512)));
            default -> hello(random.nextBoolean() ? "empty lines" : "60 KB name", random.nextBoolean()
                    ? "\n".repeat(1 + random.nextInt(64)).getBytes(StandardCharsets.UTF_8)
                    : ("x".repeat(60_000) + "\nheartbeat=1000").getBytes(StandardCharsets.UTF_8));
        };
    }

    private Case bad(String what, byte[] bytes) {
        return new Case(what, bytes, true);
    }

    private Case afterGoodFrames() {
        ByteBuffer out = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = random.nextInt(4); i > 0; i--) {
            byte[] payload = randomBytes(random.nextInt(32));
            out.putInt(2).putInt(8 + payload.length).put(payload);
        }
        out.putInt(4 + random.nextInt(1000)).putInt(8);
        return new Case("bad header after DATA frames", Arrays.copyOf(out.array(), out.position()), true);
    }

    private Case hello(String what, byte[] payload) {
        ByteBuffer out = ByteBuffer.allocate(8 + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(3).putInt(8 + payload.length).put(payload);
        return new Case("HELLO of " + what, out.array(), false);
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static byte[] header(int type, int length) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(type).putInt(length).array();
    }

    /**
     * Plays one case; returns the nanoseconds from the last byte sent to the close (or to the ack
     * for a case that must be served), or -1 when the server did otherwise.
     */
    private long play(Case c) throws IOException {
        try (Socket socket = new Socket(server.getAddress(), server.getPort())) {
            socket.setSoTimeout(5_000);
            socket.setTcpNoDelay(true);
            socket.getOutputStream().write(c.bytes());
            if (!c.mustClose()) {
                socket.getOutputStream().write(HEARTBEAT);
            }
            long sent = System.nanoTime();
            boolean outcome = c.mustClose() ? closedByServer(socket.getInputStream())
                    : acked(socket.getInputStream());
            return outcome ? System.nanoTime() - sent : -1;
        }
    }

    /** Whether the server closes (end of stream or reset), skipping the acks it may send first. */
    private static boolean closedByServer(InputStream in) throws IOException {
        try {
            byte[] skip = new byte[64];
            while (in.read(skip) >= 0) {
                // Acks of the frames before the bad one.
            }
            return true;
        } catch (SocketException reset) {
            return true;
        } catch (SocketTimeoutException open) {
            return false;
        }
    }

    /** Whether a HEARTBEAT_ACK comes back. */
    private static boolean acked(InputStream in) throws IOException {
        byte[] frame = in.readNBytes(8);
        return frame.length == 8 && ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN).getInt() == ACK_TYPE;
    }
}
