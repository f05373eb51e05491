package lab.heartbeat.telemetry;

/**
 * DATA frames summed over some connections: sent by the clients, delivered (counted by the lab's
 * server) and lost (on connections that ended before the server counted them). What is neither
 * delivered nor lost is still in flight on an open connection.
 */
public record DataCount(long sent, long delivered, long lost) {
    public static final DataCount NONE = new DataCount(0, 0, 0);

    public static DataCount of(Iterable<ConnectionData> connections) {
        long sent = 0;
        long delivered = 0;
        long lost = 0;
        for (ConnectionData c : connections) {
            sent += c.sent();
            delivered += c.received();
            lost += c.lost();
        }
        return new DataCount(sent, delivered, lost);
    }
}
