package lab.heartbeat.lab;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds the line of a field in a YAML text, so that a check made after binding (a target that
 * names no group, say) can still point at the line to fix.
 */
final class YamlLocator {
    private final Map<String, Integer> lines = new HashMap<>();

    YamlLocator(String text) {
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME || t.isScalarValue() || t.isStructStart()) {
                    JsonPointer at = p.getParsingContext().pathAsPointer();
                    lines.putIfAbsent(at.toString(), p.currentTokenLocation().getLineNr());
                }
            }
        } catch (IOException e) {
            // The binder reports syntax errors with their own location; lines stay unknown here.
        }
    }

    /** The line of the pointer's field, or of its nearest located parent; 0 when unknown. */
    int lineOf(String pointer) {
        String at = pointer;
        while (true) {
            Integer line = lines.get(at);
            if (line != null) {
                return line;
            }
            int slash = at.lastIndexOf('/');
            if (slash < 0) {
                return 0;
            }
            at = at.substring(0, slash);
        }
    }

    /** {@code /timeline/2/target} as a reader writes it: {@code timeline[2].target}. */
    static String fieldName(String pointer) {
        StringBuilder s = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.chars().allMatch(Character::isDigit)) {
                s.append('[').append(part).append(']');
            } else {
                s.append(s.length() == 0 ? "" : ".").append(part);
            }
        }
        return s.toString();
    }
}
