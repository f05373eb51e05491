package lab.heartbeat.ui.lab;

/**
 * How the dashboard tells apart the clients of several labs: an attached lab's client is named
 * {@code client@host:port}, so that two labs' {@code hb-1} never share a row, a chart or a fault;
 * the embedded lab's clients keep their names. Lab names never hold {@code @} (a scenario's
 * names are letters, digits, {@code _ . -}).
 */
public final class LabNames {
    /** The lab column's word for the embedded lab. */
    public static final String LOCAL = "local";
    private static final char AT = '@';

    private LabNames() {
    }

    /** The dashboard's name of a client of the lab at {@code lab}. */
    public static String qualify(String client, String lab) {
        return client == null ? null : client + AT + lab;
    }

    /** The lab a client belongs to: {@link #LOCAL}, or an attached lab's {@code host:port}. */
    public static String labOf(String client) {
        int at = client.lastIndexOf(AT);
        return at < 0 ? LOCAL : client.substring(at + 1);
    }

    /** Whether the client is the embedded lab's. */
    public static boolean local(String client) {
        return client.lastIndexOf(AT) < 0;
    }

    /** The client's name in its own lab. */
    public static String nameOf(String client) {
        int at = client.lastIndexOf(AT);
        return at < 0 ? client : client.substring(0, at);
    }
}
