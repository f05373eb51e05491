package lab.heartbeat.transport;

/**
 * The times of the most recent sends on one connection, so that the oldest send the peer has not
 * acknowledged can be found once the kernel says when it last received an ACK. Confined to the
 * connection's event loop.
 */
final class SendLog {
    private final long[] times;
    private int next;
    private int size;

    SendLog(int capacity) {
        times = new long[capacity];
    }

    void record(long nanos) {
        times[next] = nanos;
        next = (next + 1) % times.length;
        size = Math.min(size + 1, times.length);
    }

    /** The first recorded send strictly after {@code nanos}, or -1 when there is none. */
    long firstAfter(long nanos) {
        long found = -1;
        for (int i = 1; i <= size; i++) {
            long t = times[Math.floorMod(next - i, times.length)];
            if (t <= nanos) {
                break;
            }
            found = t;
        }
        return found;
    }

    long last() {
        return size == 0 ? -1 : times[Math.floorMod(next - 1, times.length)];
    }
}
