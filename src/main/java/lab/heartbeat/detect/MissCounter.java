package lab.heartbeat.detect;

/** Counts ticks without a received frame and declares the peer dead after {@code limit} of them (seed 000's counter). */
public final class MissCounter {

    private final int limit;
    private int remaining;

    public MissCounter(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        this.limit = limit;
        this.remaining = limit;
    }

    /** Any received frame proves the peer alive, not only a HEARTBEAT_ACK. */
    public void reset() {
        remaining = limit;
    }

    /** Returns {@code true} exactly when this tick, or an earlier one since the last reset, used up the limit. */
    public boolean tick() {
        if (remaining > 0) {
            remaining--;
        }
        return remaining == 0;
    }

    public int remaining() {
        return remaining;
    }

    public int misses() {
        return limit - remaining;
    }

    public int limit() {
        return limit;
    }

    @Override
    public String toString() {
        return "MissCounter[" + misses() + "/" + limit + "]";
    }
}
