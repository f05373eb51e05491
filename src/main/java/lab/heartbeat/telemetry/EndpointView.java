package lab.heartbeat.telemetry;

import lab.heartbeat.detect.PhiEstimate;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.detect.Side;
import lab.heartbeat.transport.ClientState;
import lab.heartbeat.transport.KernelTcpInfo;

/**
 * An immutable reading of one track's counters, for tables, reports and tests. {@code profileSpec}
 * is the client's whole profile (null on the server side), so a reader can tell which clients run
 * older parameters. {@code data} is a client's DATA sent, delivered (counted by the lab's server) and
 * lost; on a server end it is {@link DataCount#NONE} and the DATA received is {@code dataIn}.
 * {@code phi} is a phi accrual client's estimate while it is connected (null otherwise), from
 * which phi at the snapshot's time follows.
 */
public record EndpointView(
        String track,
        Side side,
        String client,
        String connection,
        String remote,
        String profile,
        ClientState state,
        boolean online,
        long connectedNanos,
        long lastReceivedNanos,
        long heartbeatsSent,
        long acksReceived,
        long framesIn,
        long framesOut,
        long bytesIn,
        long bytesOut,
        long dataIn,
        long dataOut,
        DataCount data,
        int misses,
        double rttLastMs,
        double rttMeanMs,
        long connections,
        long reconnectAttempts,
        KernelTcpInfo kernel,
        Detection lastDetection,
        Profile profileSpec,
        PhiEstimate phi) {
}
