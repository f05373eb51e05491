package lab.heartbeat.telemetry;

/** What a detection's delays are counted from: a fault's t0, or by default the last frame received. */
public record Reference(String name, long nanos) {
    public static Reference lastFrame(Detection d) {
        return new Reference("last-frame", d.lastReceivedNanos());
    }
}
