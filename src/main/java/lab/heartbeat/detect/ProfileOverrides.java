package lab.heartbeat.detect;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/** Applies {@code key=value} parameters from a scenario or the command line to a profile. */
final class ProfileOverrides {

    static final List<String> KEYS = List.of("heartbeatInterval", "heartbeatMisses", "keepalive", "keepaliveIdle",
            "keepaliveInterval", "keepaliveCount", "userTimeout", "phiThreshold", "backoffInitial",
            "backoffMultiplier", "backoffJitter", "backoffMax", "connectTimeout");
    private static final Set<String> KEEPALIVE_KEYS = Set.of("keepaliveIdle", "keepaliveInterval", "keepaliveCount");
    private static final Set<String> BACKOFF_KEYS =
            Set.of("backoffInitial", "backoffMultiplier", "backoffJitter", "backoffMax");

    private ProfileOverrides() {
    }

    static Profile apply(Profile p, Map<String, String> params) {
        // Sorted, so that the same overrides always fail with the same message.
        Map<String, String> sorted = new TreeMap<>(params);
        for (String key : sorted.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown profile parameter '" + key + "'; expected one of "
                        + String.join(", ", KEYS));
            }
        }
        Duration heartbeatInterval = value(sorted, "heartbeatInterval", Durations::parse, p.heartbeatInterval());
        int heartbeatMisses = value(sorted, "heartbeatMisses", ProfileOverrides::parseInt, p.heartbeatMisses());
        Duration userTimeout = value(sorted, "userTimeout", v -> isOff(v) ? null : Durations.parse(v),
                p.userTimeout());
        Duration connectTimeout = value(sorted, "connectTimeout", Durations::parse, p.connectTimeout());
        return new Profile(p.name(), p.kind(), p.heartbeat(), heartbeatInterval, heartbeatMisses,
                keepalive(p, sorted), userTimeout, phi(p, sorted), backoff(p, sorted), connectTimeout);
    }

    private static KeepaliveParams keepalive(Profile p, Map<String, String> params) {
        boolean tuned = params.keySet().stream().anyMatch(KEEPALIVE_KEYS::contains);
        String onOff = params.containsKey("keepalive") ? String.valueOf(params.get("keepalive")).trim() : null;
        if ("off".equals(onOff)) {
            if (tuned) {
                throw new IllegalArgumentException(
                        "keepalive: 'off' contradicts keepaliveIdle, keepaliveInterval and keepaliveCount");
            }
            return null;
        }
        if (onOff != null && !"on".equals(onOff)) {
            throw new IllegalArgumentException("keepalive: bad value '" + params.get("keepalive")
                    + "': expected on or off");
        }
        if (p.keepalive() == null && onOff == null && !tuned) {
            return null;
        }
        Duration idle = value(params, "keepaliveIdle", Durations::parse, null);
        Duration interval = value(params, "keepaliveInterval", Durations::parse, null);
        Integer count = value(params, "keepaliveCount", ProfileOverrides::parseInt, null);
        return build(params, KEEPALIVE_KEYS, () -> KeepaliveParams.over(p.keepalive(), idle, interval, count));
    }

    private static Backoff backoff(Profile p, Map<String, String> params) {
        Backoff b = p.backoff();
        Duration initial = value(params, "backoffInitial", Durations::parse, b.initial());
        double multiplier = value(params, "backoffMultiplier", ProfileOverrides::parseDouble, b.multiplier());
        double jitter = value(params, "backoffJitter", ProfileOverrides::parseDouble, b.jitter());
        Duration max = value(params, "backoffMax", Durations::parse, b.max());
        return build(params, BACKOFF_KEYS, () -> new Backoff(initial, multiplier, jitter, max));
    }

    private static PhiAccrualParams phi(Profile p, Map<String, String> params) {
        if (!params.containsKey("phiThreshold")) {
            return p.phi();
        }
        if (p.phi() == null) {
            throw new IllegalArgumentException("phiThreshold: profile '" + p.name() + "' has no phi-accrual detector");
        }
        double threshold = value(params, "phiThreshold", ProfileOverrides::parseDouble, p.phi().threshold());
        return build(params, Set.of("phiThreshold"), () -> p.phi().withThreshold(threshold));
    }

    private static <T> T value(Map<String, String> params, String key, Function<String, T> parse, T current) {
        if (!params.containsKey(key)) {
            return current;
        }
        try {
            return parse.apply(params.get(key));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }

    /** A record's own message names its field; prefixing the keys given tells the user which input to fix. */
    private static <T> T build(Map<String, String> params, Set<String> keys, Supplier<T> record) {
        try {
            return record.get();
        } catch (IllegalArgumentException e) {
            List<String> given = params.keySet().stream().filter(keys::contains).toList();
            if (given.isEmpty()) {
                throw e;
            }
            throw new IllegalArgumentException(String.join(", ", given) + ": " + e.getMessage(), e);
        }
    }

    private static boolean isOff(String value) {
        return value != null && "off".equals(value.trim());
    }

    private static int parseInt(String value) {
        try {
            return Integer.parseInt(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad integer '" + value + "'", e);
        }
    }

    private static double parseDouble(String value) {
        try {
            double d = Double.parseDouble(value == null ? "" : value.trim());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number '" + value + "'", e);
        }
    }
}
