package lab.heartbeat.transport;

import lab.heartbeat.detect.Side;

/**
 * One TCP connection as one side sees it: the client's name and the client's local port, which
 * both sides know, so that the server's and the client's view of a connection share a key.
 */
public record ConnectionId(Side side, String client, int clientPort) {

    /** The connection's key, the same on both sides: {@code client:port}. */
    public String key() {
        return client + ":" + clientPort;
    }

    public ConnectionId named(String newClient) {
        return new ConnectionId(side, newClient, clientPort);
    }

    @Override
    public String toString() {
        return side + "/" + key();
    }
}
