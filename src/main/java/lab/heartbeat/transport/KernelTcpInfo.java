package lab.heartbeat.transport;

import io.netty.channel.Channel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.epoll.EpollTcpInfo;
import java.util.Optional;

/**
 * What the kernel knows of one TCP connection (Linux TCP_INFO): state, keepalive probes out,
 * retransmissions, unacknowledged segments, RTT. Times are milliseconds ago, RTT in microseconds.
 */
public record KernelTcpInfo(
        int state,
        int probes,
        int retransmits,
        long totalRetrans,
        long unacked,
        long rttMicros,
        long rtoMicros,
        long lastDataSentMsAgo,
        long lastDataRecvMsAgo,
        long lastAckRecvMsAgo) {

    /** Unacknowledged data in flight: keepalive cannot fire, the retransmission timer rules. */
    public boolean dataInFlight() {
        return unacked > 0;
    }

    /** Reads the kernel's view of this channel, when the transport can. */
    public static Optional<KernelTcpInfo> read(Channel channel) {
        if (!(channel instanceof EpollSocketChannel epoll) || !epoll.isOpen()) {
            return Optional.empty();
        }
        try {
            EpollTcpInfo i = epoll.tcpInfo();
            return Optional.of(new KernelTcpInfo(i.state(), i.probes(), i.retransmits(), i.totalRetrans(),
                    i.unacked(), i.rtt(), i.rto(), i.lastDataSent(), i.lastDataRecv(), i.lastAckRecv()));
        } catch (RuntimeException closedMeanwhile) {
            return Optional.empty();
        }
    }
}
