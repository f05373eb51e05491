package lab.heartbeat.lab;

import java.util.Arrays;
import java.util.List;

/**
 * How a lab names its clients ({@code group-N}, counting from 1) and how a target names clients:
 * {@code all}, a group, a client, or several of these separated by commas.
 */
final class ClientNames {
    static final String ALL = "all";

    private ClientNames() {
    }

    /** The n-th client of a group. */
    static String of(String group, int n) {
        return group + "-" + n;
    }

    /** The group a client's name says it belongs to. */
    static String groupOf(String client) {
        int dash = client.lastIndexOf('-');
        return dash > 0 ? client.substring(0, dash) : client;
    }

    /** The names a target lists, each stripped of spaces. */
    static List<String> parts(String target) {
        return Arrays.stream(target.split(",")).map(String::strip).toList();
    }
}
