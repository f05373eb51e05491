package lab.heartbeat.transport;

import java.util.HashMap;
import java.util.Map;

/**
 * A client's HELLO: its name on the first line, then {@code key=value} lines (see
 * docs/PROTOCOL.md). {@code heartbeatMillis} is 0 for a client that sends no heartbeats and so
 * must not be swept.
 */
record Hello(String name, long heartbeatMillis, String mode, String profile) {
    /** A name is stored in every end record and repeated in events: a hostile peer must not make it large. */
    static final int MAX_NAME_CHARS = 64;
    /** Lines after this many (empty ones included) are not read. */
    static final int MAX_LINES = 32;
    private static final int MAX_VALUE_CHARS = 64;

    static Hello parse(String text) {
        String[] lines = text.split("\n", MAX_LINES + 1);
        int read = Math.min(lines.length, MAX_LINES);
        String name = null;
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < read; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (name == null) {
                name = bounded(line, MAX_NAME_CHARS);
                continue;
            }
            int eq = line.indexOf('=');
            if (eq > 0) {
                fields.put(bounded(line.substring(0, eq).strip(), MAX_VALUE_CHARS),
                        bounded(line.substring(eq + 1).strip(), MAX_VALUE_CHARS));
            }
        }
        long heartbeat = -1;
        try {
            heartbeat = Long.parseLong(fields.getOrDefault("heartbeat", "-1"));
        } catch (NumberFormatException ignored) {
            // An unreadable value says nothing about the client: treat it as a heartbeat sender.
        }
        return new Hello(name == null ? "unnamed" : name, heartbeat, fields.getOrDefault("mode", ""),
                fields.getOrDefault("profile", ""));
    }

    /** At most {@code max} characters, never splitting a surrogate pair. */
    private static String bounded(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }

    /** Whether the server's sweep may judge this client: it promised heartbeats, or said nothing. */
    boolean sweepable() {
        return heartbeatMillis != 0 && !"none".equals(mode);
    }
}
