package lab.heartbeat.transport;

import lab.heartbeat.detect.PhiEstimate;
import lab.heartbeat.protocol.FrameType;

/**
 * Receives what happens on one connection. Called only on the connection's event loop, so an
 * implementation may use single-writer fields; it must never block.
 */
public interface ConnectionObserver {

    void connected(long nanos);

    /** The server learned the client's name from its HELLO. */
    void named(ConnectionId id);

    void frameReceived(FrameType type, int bytes, long nanos);

    void frameSent(FrameType type, int bytes, long nanos);

    void heartbeatAcked(long rttNanos);

    void missesChanged(int misses);

    void kernelSampled(KernelTcpInfo info);

    /** A phi accrual client heard a heartbeat's ack: phi's statistics changed. */
    void phiChanged(PhiEstimate estimate);

    void closed(Closure closure);

    /** An observer that ignores everything. */
    ConnectionObserver NONE = new ConnectionObserver() {
        @Override public void connected(long nanos) { }
        @Override public void named(ConnectionId id) { }
        @Override public void frameReceived(FrameType type, int bytes, long nanos) { }
        @Override public void frameSent(FrameType type, int bytes, long nanos) { }
        @Override public void heartbeatAcked(long rttNanos) { }
        @Override public void missesChanged(int misses) { }
        @Override public void kernelSampled(KernelTcpInfo info) { }
        @Override public void phiChanged(PhiEstimate estimate) { }
        @Override public void closed(Closure closure) { }
    };
}
