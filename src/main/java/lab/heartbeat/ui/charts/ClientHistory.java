package lab.heartbeat.ui.charts;

import lab.heartbeat.detect.PhiEstimate;
import lab.heartbeat.telemetry.EndpointView;
import lab.heartbeat.telemetry.Series;
import lab.heartbeat.telemetry.SeriesView;
import lab.heartbeat.transport.KernelTcpInfo;

/**
 * The charted columns of one client, as a ring of the last {@code capacity} samples: filled once
 * from the lab's time series when the client is selected, then one sample per poll. Phi is not in
 * the lab's series (it is computed from the client's estimate at each poll), so it starts at the
 * selection.
 */
public final class ClientHistory {
    /** The charted columns, one data set each per client. */
    public enum Column { RTT, SENT, ACKED, MISSES, PROBES, RETRANSMITS, UNACKED, PHI }

    private static final Series[] SOURCE = {Series.RTT_MS, Series.HEARTBEATS_SENT, Series.ACKS_RECEIVED,
            Series.MISSES, Series.KERNEL_PROBES, Series.KERNEL_RETRANSMITS, Series.KERNEL_UNACKED};

    private final TimeRing ring;
    private final double[][] values;

    ClientHistory(int capacity) {
        ring = new TimeRing(capacity);
        values = new double[Column.values().length][capacity];
    }

    /** Loads the lab's series; {@code originNanos} is time zero of the charts. */
    void load(SeriesView series, long originNanos) {
        double[] row = new double[Column.values().length];
        row[Column.PHI.ordinal()] = Double.NaN;
        for (int i = 0; i < series.size(); i++) {
            for (int c = 0; c < SOURCE.length; c++) {
                row[c] = series.value(SOURCE[c], i);
            }
            append((series.nanos()[i] - originNanos) / 1e9, row);
        }
    }

    /** One poll's reading, taken at {@code nanos} on the lab's clock. */
    void append(EndpointView v, double seconds, long nanos) {
        KernelTcpInfo k = v.kernel();
        PhiEstimate phi = v.phi();
        double[] row = {v.rttLastMs(), v.heartbeatsSent(), v.acksReceived(), v.misses(),
                k == null ? Double.NaN : k.probes(), k == null ? Double.NaN : k.totalRetrans(),
                k == null ? Double.NaN : k.unacked(), phi == null ? Double.NaN : phi.phi(nanos)};
        append(seconds, row);
    }

    private void append(double seconds, double[] row) {
        int at = ring.append(seconds);
        if (at < 0) {
            return;
        }
        for (int c = 0; c < row.length; c++) {
            values[c][at] = row[c];
        }
    }

    /** The newest time, or NaN when empty. */
    double lastTime() {
        return ring.lastTime();
    }

    /** Index of the first sample at or after {@code from}. */
    int firstFrom(double from) {
        return ring.firstFrom(from);
    }

    int size() {
        return ring.size();
    }

    /** Copies samples {@code from..size} of the time axis into {@code out}; returns the count. */
    int times(int from, double[] out) {
        return ring.times(from, out);
    }

    int values(Column column, int from, double[] out) {
        return ring.copy(values[column.ordinal()], from, out);
    }
}
