package lab.heartbeat.transport;

import java.util.HashMap;
import java.util.Map;

/**
 * A client's HELLO: its name on the first line, then {@code key=value} lines (see
 * docs/PROTOCOL.md). {@code heartbeatMillis} is 0 for a client that sends no heartbeats and so
 * must not be swept.
 */
record Hello(String name, long heartbeatMillis, String mode, String profile) {

    static Hello parse(String text) {
        String[] lines = text.split("\n");
        String name = lines[0].strip();
        Map<String, String> fields = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int eq = lines[i].indexOf('=');
            if (eq > 0) {
                fields.put(lines[i].substring(0, eq).strip(), lines[i].substring(eq + 1).strip());
            }
        }
        long heartbeat = -1;
        try {
            heartbeat = Long.parseLong(fields.getOrDefault("heartbeat", "-1"));
        } catch (NumberFormatException ignored) {
            // An unreadable value says nothing about the client: treat it as a heartbeat sender.
        }
        return new Hello(name.isEmpty() ? "unnamed" : name, heartbeat, fields.getOrDefault("mode", ""),
                fields.getOrDefault("profile", ""));
    }

    /** Whether the server's sweep may judge this client: it promised heartbeats, or said nothing. */
    boolean sweepable() {
        return heartbeatMillis != 0 && !"none".equals(mode);
    }
}
