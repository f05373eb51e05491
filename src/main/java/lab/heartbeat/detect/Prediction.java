package lab.heartbeat.detect;

/**
 * When theory says a detection comes: a point, and for a kernel timer the window its timer wheel
 * allows ({@code windowLo} = the timers' own sum, {@code windowHi} = plus each timer's granularity;
 * for a point prediction both equal {@code at}). All in the lab's nanoseconds; {@link #NONE} when
 * theory has no figure.
 */
public record Prediction(long atNanos, long windowLoNanos, long windowHiNanos) {

    /** Theory has no figure for this end (a reset, a close). */
    public static final Prediction NONE = new Prediction(-1, -1, -1);

    public Prediction {
        if (atNanos >= 0 && (windowLoNanos > atNanos || windowHiNanos < atNanos)) {
            throw new IllegalArgumentException("the point " + atNanos + " lies outside its window ["
                    + windowLoNanos + ", " + windowHiNanos + "]");
        }
    }

    /** An exact prediction (the tick of a scheduled check), or {@link #NONE} for a negative time. */
    public static Prediction point(long atNanos) {
        return atNanos < 0 ? NONE : new Prediction(atNanos, atNanos, atNanos);
    }

    /** A kernel timer's prediction: the window [lo, hi] and its point inside. */
    public static Prediction window(long loNanos, long atNanos, long hiNanos) {
        return new Prediction(atNanos, loNanos, hiNanos);
    }

    public boolean exists() {
        return atNanos >= 0;
    }

    /** Whether theory allows a span rather than one instant. */
    public boolean isWindow() {
        return exists() && windowHiNanos > windowLoNanos;
    }
}
