package lab.heartbeat.ui.charts;

/**
 * Something drawn over the charts at a time (seconds since the lab started): a detection as a
 * labelled line, or a fault as a shaded interval (a fault still on ends at the latest sample).
 */
public record ChartMarker(Kind kind, double from, double to, String label) {

    public enum Kind { DETECTION, FAULT }

    public static ChartMarker detection(double at, String label) {
        return new ChartMarker(Kind.DETECTION, at, at, label);
    }

    public static ChartMarker fault(double from, double to, String label) {
        return new ChartMarker(Kind.FAULT, from, to, label);
    }
}
