package lab.heartbeat.transport;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import lab.heartbeat.detect.KeepaliveParams;
import lab.heartbeat.detect.SweepParams;
import lab.heartbeat.protocol.FrameDecoder;

/**
 * How the embedded server listens and judges its connections: the address and port (0 picks a free
 * one), the sweep (null for none), OS keepalive on accepted sockets (null for off), the largest
 * frame accepted, how often the kernel's TCP state is sampled (zero for never), how many connections
 * are served at once (0: three quarters of the process's open-file limit, read at start) and how long
 * a peer that declared no heartbeats may stay silent before it is closed.
 */
public record ServerSettings(String bind, int port, SweepParams sweep, KeepaliveParams keepalive, int maxFrameBytes,
        Duration kernelSampleInterval, int maxConnections, Duration idleLimit) {

    public static final int DEFAULT_PORT = 8898;
    /** Generous for a keepalive-only client in a lab session, yet a silent peer cannot hold a slot forever. */
    public static final Duration DEFAULT_IDLE_LIMIT = Duration.ofHours(1);
    /** Used when the open-file limit cannot be read (not a Unix JVM). */
    private static final long ASSUMED_OPEN_FILE_LIMIT = 1024;

    public ServerSettings {
        if (bind == null || bind.isBlank()) {
            throw new IllegalArgumentException("bind must name an address, e.g. 127.0.0.1");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
        }
        if (maxFrameBytes < 8) {
            throw new IllegalArgumentException("maxFrameBytes must be at least 8: " + maxFrameBytes);
        }
        if (kernelSampleInterval == null || kernelSampleInterval.isNegative()) {
            throw new IllegalArgumentException("kernelSampleInterval must be zero or positive: " + kernelSampleInterval);
        }
        if (maxConnections < 0) {
            throw new IllegalArgumentException("maxConnections must be 0 (from the open-file limit) or positive: "
                    + maxConnections);
        }
        if (idleLimit == null || idleLimit.isNegative() || idleLimit.isZero()) {
            throw new IllegalArgumentException("idleLimit must be positive: " + idleLimit);
        }
    }

    /** Settings with the default connection limit and idle limit. */
    public ServerSettings(String bind, int port, SweepParams sweep, KeepaliveParams keepalive, int maxFrameBytes,
            Duration kernelSampleInterval) {
        this(bind, port, sweep, keepalive, maxFrameBytes, kernelSampleInterval, 0, DEFAULT_IDLE_LIMIT);
    }

    /**
     * The most connections served at once: {@code maxConnections}, or when 0 three quarters of the
     * open-file limit, leaving the rest for the clients, logs and files a lab process also opens.
     */
    public int connectionLimit() {
        if (maxConnections > 0) {
            return maxConnections;
        }
        long files = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean
                unix ? unix.getMaxFileDescriptorCount() : ASSUMED_OPEN_FILE_LIMIT;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, files * 3 / 4));
    }

    public static ServerSettings defaults() {
        return new ServerSettings("127.0.0.1", DEFAULT_PORT, null, null, FrameDecoder.DEFAULT_MAX_FRAME_BYTES,
                Duration.ZERO);
    }

    public ServerSettings withPort(int newPort) {
        return new ServerSettings(bind, newPort, sweep, keepalive, maxFrameBytes, kernelSampleInterval,
                maxConnections, idleLimit);
    }

    public ServerSettings withBind(String newBind) {
        return new ServerSettings(newBind, port, sweep, keepalive, maxFrameBytes, kernelSampleInterval,
                maxConnections, idleLimit);
    }

    public ServerSettings withSweep(SweepParams newSweep) {
        return new ServerSettings(bind, port, newSweep, keepalive, maxFrameBytes, kernelSampleInterval,
                maxConnections, idleLimit);
    }

    public ServerSettings withKeepalive(KeepaliveParams newKeepalive) {
        return new ServerSettings(bind, port, sweep, newKeepalive, maxFrameBytes, kernelSampleInterval,
                maxConnections, idleLimit);
    }

    public ServerSettings withKernelSampleInterval(Duration interval) {
        return new ServerSettings(bind, port, sweep, keepalive, maxFrameBytes, interval, maxConnections, idleLimit);
    }

    public ServerSettings withMaxConnections(int limit) {
        return new ServerSettings(bind, port, sweep, keepalive, maxFrameBytes, kernelSampleInterval, limit, idleLimit);
    }

    public ServerSettings withIdleLimit(Duration limit) {
        return new ServerSettings(bind, port, sweep, keepalive, maxFrameBytes, kernelSampleInterval, maxConnections,
                limit);
    }
}
