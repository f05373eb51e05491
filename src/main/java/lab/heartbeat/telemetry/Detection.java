package lab.heartbeat.telemetry;

import lab.heartbeat.detect.Cause;
import lab.heartbeat.detect.Mechanism;
import lab.heartbeat.detect.Prediction;
import lab.heartbeat.detect.Side;
import lab.heartbeat.transport.KernelTcpInfo;

/**
 * How one end of a connection ended: for a detection, one mechanism on one side deciding the
 * connection is dead. It holds when the end came, when the connection had been made, the last frame
 * received, and when theory said a detection would come (a point, and for kernel timers a window). The
 * kernel's view at that moment is kept when the transport can read it.
 */
public record Detection(long atNanos, Side side, String client, String connection, Cause cause,
        long connectedNanos, long lastReceivedNanos, Prediction predicted, KernelTcpInfo kernel, String reason) {

    /** The mechanism that decided, or null when the end was no detection (a reset, a close). */
    public Mechanism mechanism() {
        return cause.mechanism();
    }

    public boolean isDetection() {
        return cause.isDetection();
    }

    public boolean hasPrediction() {
        return predicted.exists();
    }

    public long predictedAtNanos() {
        return predicted.atNanos();
    }

    /** Measured delay in milliseconds after a reference time (a fault's t0, or the last frame received). */
    public double measuredMsAfter(long referenceNanos) {
        return (atNanos - referenceNanos) / 1e6;
    }

    /** Predicted delay after the same reference, or NaN when theory has no figure. */
    public double predictedMsAfter(long referenceNanos) {
        return hasPrediction() ? (predicted.atNanos() - referenceNanos) / 1e6 : Double.NaN;
    }

    /** The predicted window's start after the reference, or NaN when theory has no figure. */
    public double predictedLoMsAfter(long referenceNanos) {
        return hasPrediction() ? (predicted.windowLoNanos() - referenceNanos) / 1e6 : Double.NaN;
    }

    /** The predicted window's end after the reference, or NaN when theory has no figure. */
    public double predictedHiMsAfter(long referenceNanos) {
        return hasPrediction() ? (predicted.windowHiNanos() - referenceNanos) / 1e6 : Double.NaN;
    }
}
