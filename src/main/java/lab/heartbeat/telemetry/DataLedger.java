package lab.heartbeat.telemetry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every connection that carried DATA, by its key (the same on both sides), so that what the
 * client sent can be held against what the server counted. An entry is made at a connection's first
 * DATA frame, so a lab that sends none keeps nothing; the oldest entries go beyond a bound.
 */
final class DataLedger {
    static final int MAX_CONNECTIONS = 100_000;

    /** One connection's counts: {@code sent} and {@code endedNanos} written by the client's event loop, {@code received} by the server's. */
    static final class Entry {
        final String client;
        final String connection;
        final long connectedNanos;
        /** The client's running total of DATA the server counted, over all its connections. */
        final AtomicLong clientDelivered;
        volatile long sent;
        volatile long received;
        volatile long endedNanos = -1;

        Entry(String client, String connection, long connectedNanos, AtomicLong clientDelivered) {
            this.client = client;
            this.connection = connection;
            this.connectedNanos = connectedNanos;
            this.clientDelivered = clientDelivered;
        }

        void received() {
            received++;
            clientDelivered.incrementAndGet();
        }

        /** Sent and not (yet) counted by the server while the connection is open. */
        long inFlight() {
            return endedNanos < 0 ? Math.max(0, sent - received) : 0;
        }

        ConnectionData view() {
            return new ConnectionData(client, connection, connectedNanos, endedNanos, sent, received);
        }
    }

    private final Map<String, Entry> byConnection = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DataLedger.Entry> eldest) {
            return size() > MAX_CONNECTIONS;
        }
    };

    private final Map<String, Entry> latestByClient = new java.util.HashMap<>();

    synchronized Entry open(String client, String connection, long connectedNanos, AtomicLong clientDelivered) {
        Entry e = new Entry(client, connection, connectedNanos, clientDelivered);
        byConnection.put(connection, e);
        latestByClient.put(client, e);
        return e;
    }

    /**
     * The entry of the connection a server end belongs to, or null for a peer from outside the lab.
     * Through the proxy backend the server sees the relay's port, not the client's, so the key
     * cannot match; the client's latest connection is then the one whose DATA this is.
     */
    synchronized Entry find(String connection, String client) {
        Entry e = byConnection.get(connection);
        return e != null ? e : latestByClient.get(client);
    }

    synchronized List<ConnectionData> views() {
        List<ConnectionData> views = new ArrayList<>(byConnection.size());
        for (Entry e : byConnection.values()) {
            views.add(e.view());
        }
        return views;
    }
}
