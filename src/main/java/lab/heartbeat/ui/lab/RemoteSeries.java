package lab.heartbeat.ui.lab;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import lab.heartbeat.telemetry.EndpointView;
import lab.heartbeat.telemetry.Series;
import lab.heartbeat.telemetry.SeriesView;
import lab.heartbeat.transport.KernelTcpInfo;

/**
 * The recent past of an attached lab's clients, one sample per read: the columns the charts draw,
 * so that a client selected now charts its last {@value #SAMPLES} readings like a local one.
 * Bounded per client; a client gone from the lab goes from here.
 */
final class RemoteSeries {
    /** Two minutes at two reads a second: a few MB for a thousand clients. */
    static final int SAMPLES = 240;
    private static final Series[] KEPT = {Series.RTT_MS, Series.HEARTBEATS_SENT, Series.ACKS_RECEIVED, Series.MISSES,
            Series.KERNEL_PROBES, Series.KERNEL_RETRANSMITS, Series.KERNEL_UNACKED};

    private final Map<String, Ring> rings = new ConcurrentHashMap<>();

    /** One read of the lab's clients, at {@code nanos} on the dashboard's clock. */
    void sample(long nanos, List<EndpointView> clients) {
        Set<String> present = new HashSet<>();
        for (EndpointView v : clients) {
            present.add(v.track());
            KernelTcpInfo k = v.kernel();
            rings.computeIfAbsent(v.track(), t -> new Ring()).append(nanos, new float[] {(float) v.rttLastMs(),
                    v.heartbeatsSent(), v.acksReceived(), v.misses(), k == null ? Float.NaN : k.probes(),
                    k == null ? Float.NaN : k.totalRetrans(), k == null ? Float.NaN : k.unacked()});
        }
        rings.keySet().retainAll(present);
    }

    Optional<SeriesView> view(String track) {
        Ring ring = rings.get(track);
        return ring == null ? Optional.empty() : Optional.of(ring.view(track));
    }

    /** One client's samples, the oldest overwritten. */
    private static final class Ring {
        private final long[] nanos = new long[SAMPLES];
        private final float[][] values = new float[KEPT.length][SAMPLES];
        private int next;
        private int size;

        synchronized void append(long at, float[] row) {
            nanos[next] = at;
            for (int c = 0; c < KEPT.length; c++) {
                values[c][next] = row[c];
            }
            next = (next + 1) % SAMPLES;
            size = Math.min(size + 1, SAMPLES);
        }

        synchronized SeriesView view(String track) {
            long[] times = new long[size];
            float[][] columns = new float[Series.values().length][size];
            for (float[] column : columns) {
                java.util.Arrays.fill(column, Float.NaN);
            }
            int first = (next - size + SAMPLES) % SAMPLES;
            for (int i = 0; i < size; i++) {
                int slot = (first + i) % SAMPLES;
                times[i] = nanos[slot];
                for (int c = 0; c < KEPT.length; c++) {
                    columns[KEPT[c].ordinal()][i] = values[c][slot];
                }
            }
            return new SeriesView(track, times, columns);
        }
    }
}
