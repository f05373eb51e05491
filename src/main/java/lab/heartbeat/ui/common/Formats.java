package lab.heartbeat.ui.common;

import java.util.Locale;
import lab.heartbeat.telemetry.Detection;

/** How numbers and detections read in the dashboard. */
public final class Formats {

    private Formats() {
    }

    /** "app-heartbeat 1.23 s": the mechanism and its delay after the last frame received. */
    public static String detection(Detection d) {
        if (d == null) {
            return "";
        }
        double ms = d.measuredMsAfter(d.lastReceivedNanos());
        return d.cause().label() + " " + seconds(ms);
    }

    static String seconds(double ms) {
        return String.format(Locale.ROOT, "%.2f s", ms / 1000);
    }

    /** A time into a run, to the tenth of a second: "3.0 s", not "3000.398977ms". */
    public static String elapsed(java.time.Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toNanos() / 1e9);
    }

    public static String millis(double ms) {
        return Double.isNaN(ms) ? "" : String.format(Locale.ROOT, "%.2f", ms);
    }

    /** Kernel counters: blank when the transport cannot read them. */
    public static String count(long value) {
        return value < 0 ? "" : Long.toString(value);
    }
}
