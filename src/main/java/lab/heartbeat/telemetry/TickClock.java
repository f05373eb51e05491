package lab.heartbeat.telemetry;

/** Remembers when each of the most recent sampler ticks happened, so tracks store only values. */
final class TickClock {
    private final long[] nanos;
    private long lastTick = -1;

    TickClock(int capacity) {
        nanos = new long[capacity];
    }

    synchronized long next(long now) {
        lastTick++;
        nanos[(int) (lastTick % nanos.length)] = now;
        return lastTick;
    }

    /** When the tick happened, or {@link Long#MIN_VALUE} once it is older than the clock retains. */
    synchronized long nanosOf(long tick) {
        if (tick < 0 || tick > lastTick || tick <= lastTick - nanos.length) {
            return Long.MIN_VALUE;
        }
        return nanos[(int) (tick % nanos.length)];
    }
}
