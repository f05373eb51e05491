package lab.heartbeat.transport;

import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A network error as a reader of the lab wants it: "connection timed out (ETIMEDOUT)" rather than
 * the native transport's {@code recvAddress(..) failed with error(-110): Connection timed out}.
 */
final class ErrorText {
    private static final Pattern NATIVE = Pattern.compile(".*error\\((-?\\d+)\\): (.+)");
    private static final Map<Integer, String> ERRNO = Map.ofEntries(
            Map.entry(32, "EPIPE"), Map.entry(101, "ENETUNREACH"), Map.entry(103, "ECONNABORTED"),
            Map.entry(104, "ECONNRESET"), Map.entry(110, "ETIMEDOUT"), Map.entry(111, "ECONNREFUSED"),
            Map.entry(113, "EHOSTUNREACH"));

    private ErrorText() {
    }

    static String of(Throwable error, String host) {
        Throwable e = error.getCause() != null && error.getCause().getMessage() != null ? error.getCause() : error;
        if (e instanceof UnknownHostException || e instanceof UnresolvedAddressException
                || error instanceof UnresolvedAddressException) {
            return host + " does not resolve";
        }
        String message = e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        Matcher m = NATIVE.matcher(message);
        if (m.matches()) {
            String name = ERRNO.get(Math.abs(Integer.parseInt(m.group(1))));
            return name == null ? m.group(2) : plain(m.group(2), name);
        }
        return message;
    }

    private static String plain(String text, String errno) {
        return text.toLowerCase(Locale.ROOT) + " (" + errno + ")";
    }
}
