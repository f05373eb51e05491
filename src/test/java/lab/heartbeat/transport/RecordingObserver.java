package lab.heartbeat.transport;

import java.util.ArrayList;
import java.util.List;
import lab.heartbeat.protocol.FrameType;

/** Remembers what a connection reported, for tests on virtual time. */
final class RecordingObserver implements ConnectionObserver {
    final List<FrameType> sent = new ArrayList<>();
    final List<Long> sentAt = new ArrayList<>();
    final List<Long> rtts = new ArrayList<>();
    final List<Integer> misses = new ArrayList<>();
    final List<ConnectionId> names = new ArrayList<>();
    final List<lab.heartbeat.detect.PhiEstimate> phis = new ArrayList<>();
    long connectedAt = -1;
    Closure closure;

    @Override public void connected(long nanos) { connectedAt = nanos; }
    @Override public void named(ConnectionId id) { names.add(id); }
    @Override public void frameReceived(FrameType type, int bytes, long nanos) { }
    @Override public void frameSent(FrameType type, int bytes, long nanos) { sent.add(type); sentAt.add(nanos); }
    @Override public void heartbeatAcked(long rttNanos) { rtts.add(rttNanos); }
    @Override public void missesChanged(int m) { misses.add(m); }
    @Override public void kernelSampled(KernelTcpInfo info) { }
    @Override public void phiChanged(lab.heartbeat.detect.PhiEstimate e) { phis.add(e); }
    @Override public void closed(Closure c) { closure = c; }

    long heartbeatsSent() {
        return sent.stream().filter(t -> t == FrameType.HEARTBEAT).count();
    }
}
