package lab.heartbeat.ui.charts;

/**
 * The time axis of a ring of samples: which slot holds the i-th oldest sample, and where a time
 * window starts. The columns of values live beside it, in arrays of the same capacity.
 */
final class TimeRing {
    private final double[] time;
    private int start;
    private int size;

    TimeRing(int capacity) {
        time = new double[capacity];
    }

    /**
     * Claims the slot for a sample at {@code seconds}, dropping the oldest when full; -1 when the
     * time is not after the newest (a sample read twice).
     */
    int append(double seconds) {
        if (size > 0 && seconds <= time[slot(size - 1)]) {
            return -1;
        }
        int at = slot(size);
        if (size < time.length) {
            size++;
        } else {
            start = (start + 1) % time.length;
        }
        time[at] = seconds;
        return at;
    }

    void clear() {
        start = 0;
        size = 0;
    }

    int size() {
        return size;
    }

    /** The slot of the i-th oldest sample. */
    int slot(int i) {
        return (start + i) % time.length;
    }

    double time(int i) {
        return time[slot(i)];
    }

    /** The newest time, or NaN when empty. */
    double lastTime() {
        return size == 0 ? Double.NaN : time(size - 1);
    }

    /** Index of the first sample at or after {@code from}. */
    int firstFrom(double from) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (time(mid) < from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Copies column {@code ring}'s samples {@code from..size}, oldest first, into {@code out}; returns the count. */
    int copy(double[] ring, int from, double[] out) {
        int n = size - from;
        for (int i = 0; i < n; i++) {
            out[i] = ring[slot(from + i)];
        }
        return n;
    }

    /** Copies the times of samples {@code from..size} into {@code out}; returns the count. */
    int times(int from, double[] out) {
        return copy(time, from, out);
    }
}
