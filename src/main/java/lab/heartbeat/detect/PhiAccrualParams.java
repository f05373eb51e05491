package lab.heartbeat.detect;

import java.time.Duration;

/** Parameters of the phi accrual failure detector, named and validated as in Akka's PhiAccrualFailureDetector. */
public record PhiAccrualParams(double threshold, int maxSampleSize, Duration minStdDeviation,
                               Duration acceptableHeartbeatPause, Duration firstHeartbeatEstimate) {

    public PhiAccrualParams {
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("phi threshold must be positive: " + threshold);
        }
        Checks.atLeast("phi maxSampleSize", maxSampleSize, 1);
        Checks.positive("phi minStdDeviation", minStdDeviation);
        Checks.notNegative("phi acceptableHeartbeatPause", acceptableHeartbeatPause);
        Checks.positive("phi firstHeartbeatEstimate", firstHeartbeatEstimate);
    }

    /** Akka cluster failure-detector defaults: 8.0, 1000 samples, 100 ms, 3 s, 1 s. */
    public static PhiAccrualParams akkaDefaults() {
        return new PhiAccrualParams(8.0, 1000, Duration.ofMillis(100), Duration.ofSeconds(3), Duration.ofSeconds(1));
    }

    public PhiAccrualParams withThreshold(double newThreshold) {
        return new PhiAccrualParams(newThreshold, maxSampleSize, minStdDeviation, acceptableHeartbeatPause,
                firstHeartbeatEstimate);
    }

    public PhiAccrualParams withAcceptableHeartbeatPause(Duration pause) {
        return new PhiAccrualParams(threshold, maxSampleSize, minStdDeviation, pause, firstHeartbeatEstimate);
    }

    public PhiAccrualParams withFirstHeartbeatEstimate(Duration estimate) {
        return new PhiAccrualParams(threshold, maxSampleSize, minStdDeviation, acceptableHeartbeatPause, estimate);
    }
}
