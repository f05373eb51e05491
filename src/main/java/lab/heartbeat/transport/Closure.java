package lab.heartbeat.transport;

import lab.heartbeat.detect.Cause;
import lab.heartbeat.detect.Prediction;

/**
 * How a connection ended: the cause, a human reason, when, the last frame received before it, the
 * time the mechanism's theory predicted ({@link Prediction#NONE} when it predicts nothing), and the kernel's view
 * just before the socket closed (null when the transport cannot read it).
 */
public record Closure(Cause cause, String reason, long atNanos, long lastReceivedNanos, Prediction predicted,
        KernelTcpInfo kernel) {

    public boolean isDetection() {
        return cause.isDetection();
    }

    public long predictedAtNanos() {
        return predicted.atNanos();
    }
}
