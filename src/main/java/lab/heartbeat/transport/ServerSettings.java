package lab.heartbeat.transport;

import java.time.Duration;
import lab.heartbeat.detect.KeepaliveParams;
import lab.heartbeat.detect.SweepParams;
import lab.heartbeat.protocol.FrameDecoder;

/**
 * How the embedded server listens and judges its connections: the address and port (0 picks a free
 * one), the sweep (null for none), OS keepalive on accepted sockets (null for off), the largest
 * frame accepted, and how often the kernel's TCP state is sampled (zero for never).
 */
public record ServerSettings(String bind, int port, SweepParams sweep, KeepaliveParams keepalive, int maxFrameBytes,
        Duration kernelSampleInterval) {

    public static final int DEFAULT_PORT = 8898;

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
    }

    public static ServerSettings defaults() {
        return new ServerSettings("127.0.0.1", DEFAULT_PORT, null, null, FrameDecoder.DEFAULT_MAX_FRAME_BYTES,
                Duration.ZERO);
    }

    public ServerSettings withPort(int newPort) {
        return new ServerSettings(bind, newPort, sweep, keepalive, maxFrameBytes, kernelSampleInterval);
    }

    public ServerSettings withBind(String newBind) {
        return new ServerSettings(newBind, port, sweep, keepalive, maxFrameBytes, kernelSampleInterval);
    }

    public ServerSettings withSweep(SweepParams newSweep) {
        return new ServerSettings(bind, port, newSweep, keepalive, maxFrameBytes, kernelSampleInterval);
    }

    public ServerSettings withKeepalive(KeepaliveParams newKeepalive) {
        return new ServerSettings(bind, port, sweep, newKeepalive, maxFrameBytes, kernelSampleInterval);
    }

    public ServerSettings withKernelSampleInterval(Duration interval) {
        return new ServerSettings(bind, port, sweep, keepalive, maxFrameBytes, interval);
    }
}
