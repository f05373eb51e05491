package lab.heartbeat.ui.charts;

import lab.heartbeat.telemetry.EndpointView;
import lab.heartbeat.telemetry.TelemetrySnapshot;
import lab.heartbeat.ui.connections.StateBadge;

/**
 * The whole lab in a few numbers per poll, as a ring of the last {@code capacity} samples: clients
 * per state, and detections and reconnections per second (over the last second). One pass over
 * the snapshot per poll, cheap at 1,000 clients, so it is sampled whether shown or not and the
 * aggregate view has its history when the selection is cleared.
 */
public final class LabAggregate {
    /** The stacked states, bottom first; the labels are the table's badges. */
    public enum Band {
        UP(StateBadge.UP), CONNECTING(StateBadge.CONNECTING), BACKOFF(StateBadge.BACKOFF), DOWN(StateBadge.DOWN),
        STOPPED(StateBadge.STOPPED);

        private final StateBadge badge;

        Band(StateBadge badge) {
            this.badge = badge;
        }

        public String label() {
            return badge.label();
        }

        static Band of(StateBadge badge) {
            for (Band b : values()) {
                if (b.badge == badge) {
                    return b;
                }
            }
            throw new IllegalArgumentException("no band for " + badge);
        }
    }

    private static final double RATE_SPAN_SECONDS = 1.0;

    private final TimeRing ring;
    private final double[][] bands;
    private final double[] detections;
    private final double[] reconnections;
    private final double[] detectionRate;
    private final double[] reconnectionRate;

    LabAggregate(int capacity) {
        ring = new TimeRing(capacity);
        bands = new double[Band.values().length][capacity];
        detections = new double[capacity];
        reconnections = new double[capacity];
        detectionRate = new double[capacity];
        reconnectionRate = new double[capacity];
    }

    /** Adds one poll's sample at {@code seconds} on the charts' time axis; a time already sampled is ignored. */
    void sample(TelemetrySnapshot snapshot, double seconds) {
        int[] counts = new int[Band.values().length];
        long reconnected = 0;
        for (EndpointView v : snapshot.clients()) {
            counts[Band.of(StateBadge.of(v)).ordinal()]++;
            reconnected += Math.max(0, v.connections() - 1);
        }
        int at = ring.append(seconds);
        if (at < 0) {
            return;
        }
        for (Band b : Band.values()) {
            bands[b.ordinal()][at] = counts[b.ordinal()];
        }
        detections[at] = snapshot.detectionCount();
        reconnections[at] = reconnected;
        // From the newest sample at least a second old: a poll that came late makes no spike.
        int first = Math.max(0, ring.firstFrom(seconds - RATE_SPAN_SECONDS + 1e-9) - 1);
        int then = ring.slot(first);
        double span = seconds - ring.time(first);
        // Counts fall when clients are removed: a fall is no negative rate.
        detectionRate[at] = span > 0 ? Math.max(0, detections[at] - detections[then]) / span : 0;
        reconnectionRate[at] = span > 0 ? Math.max(0, reconnected - reconnections[then]) / span : 0;
    }

    void clear() {
        ring.clear();
    }

    int size() {
        return ring.size();
    }

    /** Index of the first sample at or after {@code from}. */
    int firstFrom(double from) {
        return ring.firstFrom(from);
    }

    /** Copies the times of samples {@code from..size} into {@code out}; returns the count. */
    int times(int from, double[] out) {
        return ring.times(from, out);
    }

    /** The clients in this band and every band below it: the band's top edge when stacked. */
    void stackedTop(Band band, int from, double[] out) {
        for (int i = from; i < ring.size(); i++) {
            double sum = 0;
            for (int b = 0; b <= band.ordinal(); b++) {
                sum += bands[b][ring.slot(i)];
            }
            out[i - from] = sum;
        }
    }

    void detectionRates(int from, double[] out) {
        ring.copy(detectionRate, from, out);
    }

    void reconnectionRates(int from, double[] out) {
        ring.copy(reconnectionRate, from, out);
    }
}
