package lab.heartbeat.transport;

import io.netty.channel.Channel;
import lab.heartbeat.detect.Cause;

/** One connection in the server's registry of online connections. */
public final class ServerConnection {
    private final Channel channel;
    private final String remoteAddress;
    private final long connectedNanos;
    private volatile ConnectionId id;
    private volatile String profile = "";

    ServerConnection(Channel channel, ConnectionId id, String remoteAddress, long connectedNanos) {
        this.channel = channel;
        this.id = id;
        this.remoteAddress = remoteAddress;
        this.connectedNanos = connectedNanos;
    }

    public ConnectionId id() {
        return id;
    }

    public String profile() {
        return profile;
    }

    public String remoteAddress() {
        return remoteAddress;
    }

    public long connectedNanos() {
        return connectedNanos;
    }

    void rename(String client, String newProfile) {
        id = id.named(client);
        profile = newProfile;
    }

    /** Freezes or thaws the server's end of this connection, as a hung server thread (from any thread). */
    public void freeze(boolean value) {
        ConnectionCommands.freeze(channel, value);
    }

    /** Resets this connection from the server side: the client sees RST (from any thread). */
    public void reset(String reason) {
        ConnectionCommands.reset(channel, reason);
    }

    /** Closes this connection from the server side with the given cause (from any thread). */
    public void close(Cause cause, String reason) {
        ConnectionCommands.close(channel, cause, reason);
    }

    Channel channel() {
        return channel;
    }
}
