package lab.heartbeat.ui.charts;

import java.util.Locale;
import lab.heartbeat.detect.Side;
import lab.heartbeat.telemetry.Detection;

/**
 * Something drawn over the charts at a time (seconds since the lab started): a detection as a line
 * with a short label and a tooltip that says it all, or a fault as a shaded interval (a fault still
 * on ends at the latest sample). A detection has the side whose mechanism fired; a fault has none.
 */
public record ChartMarker(Kind kind, double from, double to, String label, String detail, Side side) {

    public enum Kind { DETECTION, FAULT }

    public static ChartMarker detection(double at, Side side, String label, String detail) {
        return new ChartMarker(Kind.DETECTION, at, at, label, detail, side);
    }

    /**
     * A detection as the charts mark it: its side and mechanism (and its client when several are
     * charted) on the label, everything in the tooltip.
     */
    public static ChartMarker of(Detection d, long startNanos, boolean nameClient) {
        String side = d.side().name().toLowerCase(Locale.ROOT);
        String label = (nameClient ? d.client() + " " : "") + side + ": " + d.cause().label();
        double at = (d.atNanos() - startNanos) / 1e9;
        String detail = String.format(Locale.ROOT, "%s, %s side: %s at %.2f s%s", d.client(), side, d.cause().label(),
                at, d.reason() == null || d.reason().isEmpty() ? "" : " (" + d.reason() + ")");
        return detection(at, d.side(), label, detail);
    }

    public static ChartMarker fault(double from, double to, String label) {
        return new ChartMarker(Kind.FAULT, from, to, label, label, null);
    }
}
