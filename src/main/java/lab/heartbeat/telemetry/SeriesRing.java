package lab.heartbeat.telemetry;

/**
 * A fixed-capacity ring of samples for one track, one float per {@link Series} column. Storage
 * grows by doubling up to the capacity, so a short lab run costs little and a long one stays
 * bounded. The track's samples are consecutive sampler ticks; the tick of each is implied.
 * Written by the sampler thread only; readers copy under the ring's lock.
 */
final class SeriesRing {
    private static final int COLUMNS = Series.values().length;
    private static final int INITIAL = 64;

    private final int capacity;
    private float[][] columns;
    private int start;
    private int size;
    private long lastTick = -1;

    SeriesRing(int capacity) {
        this.capacity = capacity;
        this.columns = new float[COLUMNS][Math.min(INITIAL, capacity)];
    }

    synchronized void append(long tick, float[] values) {
        if (size == columns[0].length && size < capacity) {
            grow();
        }
        int slot;
        if (size < columns[0].length) {
            slot = (start + size) % columns[0].length;
            size++;
        } else {
            slot = start;
            start = (start + 1) % columns[0].length;
        }
        for (int c = 0; c < COLUMNS; c++) {
            columns[c][slot] = values[c];
        }
        lastTick = tick;
    }

    private void grow() {
        int length = Math.min(capacity, columns[0].length * 2);
        float[][] bigger = new float[COLUMNS][length];
        for (int c = 0; c < COLUMNS; c++) {
            for (int i = 0; i < size; i++) {
                bigger[c][i] = columns[c][(start + i) % columns[c].length];
            }
        }
        columns = bigger;
        start = 0;
    }

    /** Copies the retained samples whose times are still known, oldest first. */
    synchronized SeriesView view(String track, TickClock ticks) {
        long firstTick = lastTick - size + 1;
        int skip = 0;
        while (skip < size && ticks.nanosOf(firstTick + skip) == Long.MIN_VALUE) {
            skip++;
        }
        int n = size - skip;
        float[][] copy = new float[COLUMNS][n];
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            int slot = (start + skip + i) % columns[0].length;
            for (int c = 0; c < COLUMNS; c++) {
                copy[c][i] = columns[c][slot];
            }
            nanos[i] = ticks.nanosOf(firstTick + skip + i);
        }
        return new SeriesView(track, nanos, copy);
    }

    synchronized int size() {
        return size;
    }

    synchronized int allocatedSamples() {
        return columns[0].length;
    }
}
