package lab.heartbeat.telemetry;

/** The columns sampled for every track, in CSV order. */
public enum Series {
    STATE_UP("up"),
    RTT_MS("rttMs"),
    HEARTBEATS_SENT("heartbeatsSent"),
    ACKS_RECEIVED("acksReceived"),
    FRAMES_IN("framesIn"),
    FRAMES_OUT("framesOut"),
    BYTES_IN("bytesIn"),
    BYTES_OUT("bytesOut"),
    MISSES("misses"),
    RECONNECTS("reconnects"),
    /** DATA frames sent so far. */
    DATA_SENT("dataSent"),
    /** A client's DATA counted by the lab's server; on a server end, the DATA it received. */
    DATA_DELIVERED("dataDelivered"),
    /** A client's DATA lost with connections that ended before the server counted it; empty on a server end. */
    DATA_LOST("dataLost"),
    KERNEL_PROBES("kernelProbes"),
    KERNEL_RETRANSMITS("kernelRetransmits"),
    KERNEL_UNACKED("kernelUnacked"),
    KERNEL_RTT_MS("kernelRttMs");

    private final String label;

    Series(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
