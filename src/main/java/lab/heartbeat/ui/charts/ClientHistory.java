package lab.heartbeat.ui.charts;

import lab.heartbeat.telemetry.EndpointView;
import lab.heartbeat.telemetry.Series;
import lab.heartbeat.telemetry.SeriesView;
import lab.heartbeat.transport.KernelTcpInfo;

/**
 * The charted columns of one client, as a ring of the last {@code capacity} samples: filled once
 * from the lab's time series when the client is selected, then one sample per poll.
 */
public final class ClientHistory {
    enum Column { RTT, SENT, ACKED, MISSES, PROBES, RETRANSMITS, UNACKED }

    private static final Series[] SOURCE = {Series.RTT_MS, Series.HEARTBEATS_SENT, Series.ACKS_RECEIVED,
            Series.MISSES, Series.KERNEL_PROBES, Series.KERNEL_RETRANSMITS, Series.KERNEL_UNACKED};

    private final double[] time;
    private final double[][] values;
    private int start;
    private int size;

    ClientHistory(int capacity) {
        time = new double[capacity];
        values = new double[Column.values().length][capacity];
    }

    /** Loads the lab's series; {@code originNanos} is time zero of the charts. */
    void load(SeriesView series, long originNanos) {
        for (int i = 0; i < series.size(); i++) {
            double[] row = new double[SOURCE.length];
            for (int c = 0; c < SOURCE.length; c++) {
                row[c] = series.value(SOURCE[c], i);
            }
            append((series.nanos()[i] - originNanos) / 1e9, row);
        }
    }

    void append(EndpointView v, double seconds) {
        KernelTcpInfo k = v.kernel();
        double[] row = {v.rttLastMs(), v.heartbeatsSent(), v.acksReceived(), v.misses(),
                k == null ? Double.NaN : k.probes(), k == null ? Double.NaN : k.totalRetrans(),
                k == null ? Double.NaN : k.unacked()};
        append(seconds, row);
    }

    private void append(double seconds, double[] row) {
        if (size > 0 && seconds <= time[(start + size - 1) % time.length]) {
            return;
        }
        int at = (start + size) % time.length;
        time[at] = seconds;
        for (int c = 0; c < row.length; c++) {
            values[c][at] = row[c];
        }
        if (size < time.length) {
            size++;
        } else {
            start = (start + 1) % time.length;
        }
    }

    /** The newest time, or NaN when empty. */
    double lastTime() {
        return size == 0 ? Double.NaN : time[(start + size - 1) % time.length];
    }

    /** Index of the first sample at or after {@code from}. */
    int firstFrom(double from) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (time[(start + mid) % time.length] < from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    int size() {
        return size;
    }

    /** Copies samples {@code from..size} of the time axis into {@code out}; returns the count. */
    int times(int from, double[] out) {
        return copy(time, from, out);
    }

    int values(Column column, int from, double[] out) {
        return copy(values[column.ordinal()], from, out);
    }

    private int copy(double[] ring, int from, double[] out) {
        int n = size - from;
        for (int i = 0; i < n; i++) {
            out[i] = ring[(start + from + i) % ring.length];
        }
        return n;
    }
}
