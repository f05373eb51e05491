package lab.heartbeat.telemetry;

import lab.heartbeat.transport.ConnectionId;

/** How the telemetry names its tracks: {@code client/NAME} per client, {@code server/NAME:PORT#N} per server connection. */
public final class TrackNames {
    private static final String CLIENT_PREFIX = "client/";
    private static final String SERVER_PREFIX = "server/";

    private TrackNames() {
    }

    /** The track of a client's series, for example {@code client/hb-1}. */
    public static String clientTrack(String client) {
        return CLIENT_PREFIX + client;
    }

    /** The client whose track this is, or null for a server connection's track. */
    static String clientOf(String track) {
        return track.startsWith(CLIENT_PREFIX) ? track.substring(CLIENT_PREFIX.length()) : null;
    }

    /** The track of the {@code sequence}-th server connection, as a client may reconnect from the same port. */
    static String serverTrack(ConnectionId id, long sequence) {
        return SERVER_PREFIX + id.key() + "#" + sequence;
    }
}
