package lab.heartbeat.telemetry;

import java.util.concurrent.atomic.AtomicLong;
import lab.heartbeat.detect.PhiEstimate;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.detect.Side;
import lab.heartbeat.protocol.FrameType;
import lab.heartbeat.transport.ClientState;
import lab.heartbeat.transport.Closure;
import lab.heartbeat.transport.ConnectionId;
import lab.heartbeat.transport.ConnectionObserver;
import lab.heartbeat.transport.KernelTcpInfo;

/**
 * The counters of one track: a client across all its connections, or one server-side connection.
 * Written only on the event loop of the track's live connection (single writer, volatile fields);
 * read by the sampler and by snapshots from any thread.
 */
final class EndpointStats implements ConnectionObserver {
    /** The group of a client the lab did not add itself (a peer known only by its HELLO). */
    static final String UNGROUPED = "ungrouped";

    private final Telemetry telemetry;
    private final Side side;
    private final String track;
    final SeriesRing series;

    volatile String client;
    volatile String connection = "";
    volatile String remote = "";
    volatile String group = UNGROUPED;
    volatile String profile = "";
    volatile Profile profileSpec;
    volatile ClientState state = ClientState.CONNECTING;
    volatile boolean online;
    volatile long connectedNanos = -1;
    volatile long lastReceivedNanos = -1;
    volatile long heartbeatsSent;
    volatile long acksReceived;
    volatile long framesIn;
    volatile long framesOut;
    volatile long bytesIn;
    volatile long bytesOut;
    volatile long dataIn;
    volatile long dataOut;
    /** DATA of this client that the lab's server counted, written by the server's event loops. */
    final AtomicLong dataDelivered = new AtomicLong();
    /** The live connection's DATA, from its first DATA frame on (client side only). */
    volatile DataLedger.Entry data;
    private final AtomicLong dataLostSeen = new AtomicLong();
    volatile int misses;
    volatile long missesTotal;
    volatile long kernelRetransmitsTotal;
    volatile long kernelProbesTotal;
    /** The live connection's kernel counters already added to the totals above. */
    private long kernelRetransmitsCounted;
    private int kernelProbesCounted;
    final RttHistogram rtt = new RttHistogram();
    volatile long rttLastNanos = -1;
    volatile long connections;
    volatile long reconnectAttempts;
    volatile KernelTcpInfo kernel;
    /** Phi's statistics after the last ack of a phi accrual client, null otherwise. */
    volatile PhiEstimate phi;
    volatile Detection lastDetection;
    volatile long retiredNanos = -1;

    EndpointStats(Telemetry telemetry, Side side, String client, String track, int historyCapacity) {
        this.telemetry = telemetry;
        this.side = side;
        this.client = client;
        this.track = track;
        this.series = historyCapacity > 0 ? new SeriesRing(historyCapacity) : null;
    }

    String track() {
        return track;
    }

    Side side() {
        return side;
    }

    void opened(ConnectionId id, String remoteAddress) {
        connection = id.key();
        remote = remoteAddress;
        kernelRetransmitsCounted = 0;
        kernelProbesCounted = 0;
    }

    @Override
    public void connected(long nanos) {
        connectedNanos = nanos;
        lastReceivedNanos = nanos;
        misses = 0;
        data = null;
        phi = null;
        online = true;
        connections++;
        telemetry.connected(this, nanos);
    }

    @Override
    public void named(ConnectionId id) {
        client = id.client();
        connection = id.key();
        telemetry.named(this);
    }

    @Override
    public void frameReceived(FrameType type, int bytes, long nanos) {
        lastReceivedNanos = nanos;
        framesIn++;
        bytesIn += bytes;
        if (type == FrameType.DATA) {
            dataIn++;
            if (side == Side.SERVER) {
                countDelivered();
            }
        }
    }

    @Override
    public void frameSent(FrameType type, int bytes, long nanos) {
        framesOut++;
        bytesOut += bytes;
        if (type == FrameType.HEARTBEAT) {
            heartbeatsSent++;
        } else if (type == FrameType.DATA) {
            dataOut++;
            if (side == Side.CLIENT) {
                DataLedger.Entry d = data;
                if (d == null) {
                    d = telemetry.dataSentOn(this);
                    data = d;
                }
                d.sent++;
            }
        }
    }

    /** A server end counts a DATA frame against the connection its client sent it on, if it is the lab's client. */
    private void countDelivered() {
        DataLedger.Entry d = data;
        if (d == null) {
            d = telemetry.dataOf(this);
            data = d;
        }
        if (d != null) {
            d.received();
        }
    }

    @Override
    public void heartbeatAcked(long rttNanos) {
        acksReceived++;
        rttLastNanos = rttNanos;
        rtt.observe(rttNanos);
    }

    @Override
    public void missesChanged(int newMisses) {
        if (newMisses > misses) {
            missesTotal += newMisses - misses;
        }
        misses = newMisses;
    }

    @Override
    public void kernelSampled(KernelTcpInfo info) {
        kernel = info;
        countKernel(info);
    }

    /**
     * The kernel counts retransmissions per connection and keepalive probes only until one is
     * answered; the totals add what each reading shows beyond the last.
     */
    private void countKernel(KernelTcpInfo info) {
        if (info.totalRetrans() > kernelRetransmitsCounted) {
            kernelRetransmitsTotal += info.totalRetrans() - kernelRetransmitsCounted;
            kernelRetransmitsCounted = info.totalRetrans();
        }
        if (info.probes() > kernelProbesCounted) {
            kernelProbesTotal += info.probes() - kernelProbesCounted;
        }
        kernelProbesCounted = info.probes();
    }

    @Override
    public void phiChanged(PhiEstimate estimate) {
        phi = estimate;
    }

    @Override
    public void closed(Closure closure) {
        online = false;
        DataLedger.Entry d = data;
        if (side == Side.CLIENT && d != null) {
            d.endedNanos = closure.atNanos();
        }
        if (closure.kernel() != null) {
            kernel = closure.kernel();
            countKernel(closure.kernel());
        }
        telemetry.closed(this, closure);
    }

    /** Writes one row of samples, in {@link Series} order, into {@code v} (the sampler's own row, reused). */
    void sampleInto(float[] v) {
        KernelTcpInfo k = kernel;
        v[Series.STATE_UP.ordinal()] = online ? 1 : 0;
        v[Series.RTT_MS.ordinal()] = rttLastNanos < 0 ? Float.NaN : rttLastNanos / 1e6f;
        v[Series.HEARTBEATS_SENT.ordinal()] = heartbeatsSent;
        v[Series.ACKS_RECEIVED.ordinal()] = acksReceived;
        v[Series.FRAMES_IN.ordinal()] = framesIn;
        v[Series.FRAMES_OUT.ordinal()] = framesOut;
        v[Series.BYTES_IN.ordinal()] = bytesIn;
        v[Series.BYTES_OUT.ordinal()] = bytesOut;
        v[Series.MISSES.ordinal()] = misses;
        v[Series.RECONNECTS.ordinal()] = reconnectAttempts;
        v[Series.DATA_SENT.ordinal()] = dataOut;
        v[Series.DATA_DELIVERED.ordinal()] = side == Side.CLIENT ? dataDelivered.get() : dataIn;
        v[Series.DATA_LOST.ordinal()] = side == Side.CLIENT ? dataLost() : Float.NaN;
        v[Series.KERNEL_PROBES.ordinal()] = k == null ? Float.NaN : k.probes();
        v[Series.KERNEL_RETRANSMITS.ordinal()] = k == null ? Float.NaN : k.totalRetrans();
        v[Series.KERNEL_UNACKED.ordinal()] = k == null ? Float.NaN : k.unacked();
        v[Series.KERNEL_RTT_MS.ordinal()] = k == null ? Float.NaN : k.rttMicros() / 1000f;
    }

    /** A client's DATA that is neither counted by the server nor still in flight on the live connection. */
    private long dataLost() {
        DataLedger.Entry d = data;
        long inFlight = d == null ? 0 : d.inFlight();
        return Math.max(0, dataOut - dataDelivered.get() - inFlight);
    }

    /**
     * The most DATA this client ever had counted lost: a Prometheus counter must never go down, and
     * {@link #dataLost()} does when the server counts frames after their connection ended.
     */
    long dataLostTotal() {
        return side == Side.CLIENT ? dataLostSeen.accumulateAndGet(dataLost(), Math::max) : 0;
    }

    EndpointView view() {
        KernelTcpInfo k = kernel;
        long count = acksReceived;
        return new EndpointView(track, side, client, connection, remote, profile, state, online, connectedNanos,
                lastReceivedNanos, heartbeatsSent, acksReceived, framesIn, framesOut, bytesIn, bytesOut, dataIn, dataOut,
                side == Side.CLIENT ? new DataCount(dataOut, dataDelivered.get(), dataLost()) : DataCount.NONE,
                misses, rttLastNanos < 0 ? Double.NaN : rttLastNanos / 1e6,
                count == 0 ? Double.NaN : rtt.sumNanos() / 1e6 / count, connections, reconnectAttempts, k, lastDetection,
                profileSpec, online ? phi : null);
    }
}
