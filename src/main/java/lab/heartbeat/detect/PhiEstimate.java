package lab.heartbeat.detect;

/**
 * A phi accrual detector's state after a heartbeat, as a value: phi at any later instant follows
 * from it alone, so a reader on another thread can plot phi without touching the detector.
 */
public record PhiEstimate(long lastHeartbeatNanos, double meanNanos, double stdDeviationNanos, double threshold) {

    /** Phi at {@code nanos}, if no heartbeat arrived since this estimate. */
    public double phi(long nanos) {
        return PhiAccrualDetector.phi(nanos - lastHeartbeatNanos, meanNanos, stdDeviationNanos);
    }
}
