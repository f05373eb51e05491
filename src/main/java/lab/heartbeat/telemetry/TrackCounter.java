package lab.heartbeat.telemetry;

import java.util.function.ToLongFunction;

/** The monotonic counters of a track that the metrics export sums by group and profile. */
enum TrackCounter {
    HEARTBEATS_SENT(s -> s.heartbeatsSent),
    HEARTBEATS_ACKED(s -> s.acksReceived),
    HEARTBEAT_MISSES(s -> s.missesTotal),
    RECONNECTS(s -> s.reconnectAttempts),
    KERNEL_RETRANSMITS(s -> s.kernelRetransmitsTotal),
    KERNEL_PROBES(s -> s.kernelProbesTotal),
    DATA_SENT(s -> s.dataOut),
    DATA_DELIVERED(s -> s.dataIn),
    DATA_LOST(EndpointStats::dataLostTotal);

    private final ToLongFunction<EndpointStats> read;

    TrackCounter(ToLongFunction<EndpointStats> read) {
        this.read = read;
    }

    long of(EndpointStats stats) {
        return read.applyAsLong(stats);
    }
}
