package lab.heartbeat.ui.race;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The race timeline's time axis, milliseconds after t0 to pixels. When the clients came back long
 * after the ends (a cable plugged in after twenty seconds, ends within four), the axis breaks: the
 * ends keep most of the width and the way back gets a stretch of its own to the right, so that
 * neither is squeezed into a corner.
 */
final class TimeScale {
    /** Ticks at least this far apart, so that their labels never run together. */
    static final double TICK_SPACING_PX = 80;
    /** The way back gets its own stretch when it lies this many times further out than the ends. */
    private static final double BREAK_RATIO = 2.5;
    private static final double GAP_PX = 18;

    /** One straight stretch of the axis. */
    record Segment(double fromMs, double toMs, double fromX, double toX) {
        double x(double ms) {
            return fromX + (ms - fromMs) / (toMs - fromMs) * (toX - fromX);
        }

        boolean holds(double ms) {
            return ms >= fromMs && ms <= toMs;
        }
    }

    /** A tick and its label. */
    record Tick(double x, String label) {
    }

    private final List<Segment> segments;

    private TimeScale(List<Segment> segments) {
        this.segments = List.copyOf(segments);
    }

    /**
     * An axis over {@code [left, right]} pixels showing every end up to {@code endsMs}, and the way
     * back between {@code backFromMs} and {@code backToMs} (NaN when nobody is back yet).
     */
    static TimeScale of(double endsMs, double backFromMs, double backToMs, double left, double right) {
        double ends = Math.max(endsMs, 1);
        if (Double.isNaN(backToMs) || backToMs <= ends * BREAK_RATIO) {
            double to = niceCeiling(Math.max(ends, Double.isNaN(backToMs) ? 0 : backToMs) * 1.08);
            return new TimeScale(List.of(new Segment(0, to, left, right)));
        }
        double endsTo = niceCeiling(ends * 1.12);
        double span = Math.max(backToMs - backFromMs, 200);
        double backFrom = Math.max(endsTo, backFromMs - span * 0.15);
        double backTo = backToMs + span * 0.15;
        double split = left + (right - left) * 0.68;
        return new TimeScale(List.of(new Segment(0, endsTo, left, split),
                new Segment(backFrom, backTo, split + GAP_PX, right)));
    }

    /** Where a time falls; a time in the break goes to the nearer edge. */
    double x(double ms) {
        Segment last = segments.get(segments.size() - 1);
        for (Segment s : segments) {
            if (s.holds(ms)) {
                return s.x(ms);
            }
        }
        if (ms > last.toMs()) {
            return last.toX();
        }
        if (ms < 0) {
            return segments.get(0).fromX();
        }
        Segment first = segments.get(0);
        return ms - first.toMs() < last.fromMs() - ms ? first.toX() : last.fromX();
    }

    boolean broken() {
        return segments.size() > 1;
    }

    List<Segment> segments() {
        return segments;
    }

    double right() {
        return segments.get(segments.size() - 1).toX();
    }

    /** Round ticks in each stretch, far enough apart to read. */
    List<Tick> ticks() {
        List<Tick> ticks = new ArrayList<>();
        for (Segment s : segments) {
            double count = Math.max(1, (s.toX() - s.fromX()) / TICK_SPACING_PX);
            double step = niceStep((s.toMs() - s.fromMs()) / count);
            for (double t = Math.ceil(s.fromMs() / step) * step; t <= s.toMs() + 1e-9; t += step) {
                ticks.add(new Tick(s.x(t), label(t, step)));
            }
        }
        return ticks;
    }

    /** "0", "500 ms", "1.5 s", "20 s": a unit in every label, seconds from one second up. */
    static String label(double ms, double step) {
        if (ms == 0) {
            return "0";
        }
        if (Math.abs(ms) < 1000) {
            return String.format(Locale.ROOT, "%.0f ms", ms);
        }
        String decimals = step % 1000 == 0 ? "%.0f s" : step % 100 == 0 ? "%.1f s" : "%.2f s";
        return String.format(Locale.ROOT, decimals, ms / 1000);
    }

    /** The smallest of 1, 2, 2.5, 5 times a power of ten that is at least {@code raw}. */
    static double niceStep(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-3))));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * power >= raw) {
                return m * power;
            }
        }
        return 10 * power;
    }

    private static double niceCeiling(double ms) {
        double step = niceStep(ms / 5);
        return Math.ceil(ms / step) * step;
    }
}
