package lab.heartbeat.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import lab.heartbeat.detect.Cause;
import lab.heartbeat.detect.Prediction;

/** Freezes, resets and closes a connection from any thread, through its handler on the channel's event loop. */
final class ConnectionCommands {

    private ConnectionCommands() {
    }

    /** Freezes or thaws a channel's handler from any thread. */
    static void freeze(Channel channel, boolean value) {
        channel.eventLoop().execute(() -> {
            ConnectionHandler handler = channel.pipeline().get(ConnectionHandler.class);
            if (handler != null && handler.ctx != null && channel.isOpen()) {
                handler.setFrozen(value);
            }
        });
    }

    /** Resets a connection: SO_LINGER 0 makes the close send RST instead of FIN. */
    static void reset(Channel channel, String reason) {
        channel.eventLoop().execute(() -> {
            if (channel.isOpen()) {
                channel.config().setOption(ChannelOption.SO_LINGER, 0);
            }
        });
        close(channel, Cause.LOCAL_CLOSE, reason);
    }

    /** Closes a channel from any thread, recording the cause on its handler. */
    static void close(Channel channel, Cause cause, String reason) {
        channel.eventLoop().execute(() -> {
            ConnectionHandler handler = channel.pipeline().get(ConnectionHandler.class);
            if (handler != null && handler.ctx != null) {
                handler.closeWith(cause, reason, handler.now(), Prediction.NONE);
            } else {
                channel.close();
            }
        });
    }
}
