package lab.heartbeat.transport;

import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelOption;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.socket.nio.NioChannelOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jdk.net.ExtendedSocketOptions;
import lab.heartbeat.detect.KeepaliveParams;

/**
 * Applies a profile's OS-level detectors to one socket: SO_KEEPALIVE with its three timers, and
 * TCP_USER_TIMEOUT. Returns what could not be applied so the caller can say so instead of
 * silently running without it.
 */
public final class SocketTuning {

    private SocketTuning() {
    }

    public static List<String> apply(ChannelConfig config, Transports transport, KeepaliveParams keepalive,
            Duration userTimeout) {
        List<String> unsupported = new ArrayList<>();
        config.setOption(ChannelOption.SO_KEEPALIVE, keepalive != null);
        if (keepalive != null) {
            int idle = keepalive.idleSeconds();
            int interval = keepalive.intervalSeconds();
            if (transport == Transports.EPOLL) {
                config.setOption(EpollChannelOption.TCP_KEEPIDLE, idle);
                config.setOption(EpollChannelOption.TCP_KEEPINTVL, interval);
                config.setOption(EpollChannelOption.TCP_KEEPCNT, keepalive.count());
            } else if (!(config.setOption(NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPIDLE), idle)
                    & config.setOption(NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPINTERVAL), interval)
                    & config.setOption(NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPCOUNT), keepalive.count()))) {
                unsupported.add("keepalive timers (TCP_KEEPIDLE/KEEPINTVL/KEEPCNT): not supported by the NIO transport on this OS; OS defaults apply");
            }
        }
        if (userTimeout != null) {
            if (transport.supportsUserTimeout()) {
                config.setOption(EpollChannelOption.TCP_USER_TIMEOUT, (int) userTimeout.toMillis());
            } else {
                unsupported.add("TCP_USER_TIMEOUT: needs the epoll transport (Linux); " + Transports.reason());
            }
        }
        return unsupported;
    }
}
