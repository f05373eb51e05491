package lab.heartbeat.detect;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Applies {@code key=value} parameters from a scenario or the command line to a profile. */
final class ProfileOverrides {

    private ProfileOverrides() {
    }

    static Profile apply(Profile p, Map<String, String> params) {
        // Sorted, so that the same overrides always fail with the same message.
        Map<String, String> sorted = new TreeMap<>(params);
        for (String key : sorted.keySet()) {
            if (ParameterKey.of(key).isEmpty()) {
                throw new IllegalArgumentException("unknown profile parameter '" + key + "'; expected one of "
                        + ParameterKey.allKeys());
            }
        }
        Duration heartbeatInterval = value(sorted, ParameterKey.HEARTBEAT_INTERVAL, Durations::parse,
                p.heartbeatInterval());
        int heartbeatMisses = value(sorted, ParameterKey.HEARTBEAT_MISSES, ProfileOverrides::parseInt,
                p.heartbeatMisses());
        Duration userTimeout = value(sorted, ParameterKey.USER_TIMEOUT, v -> isOff(v) ? null : Durations.parse(v),
                p.userTimeout());
        Duration connectTimeout = value(sorted, ParameterKey.CONNECT_TIMEOUT, Durations::parse, p.connectTimeout());
        return new Profile(p.name(), p.kind(), p.heartbeat(), heartbeatInterval, heartbeatMisses,
                keepalive(p, sorted), userTimeout, phi(p, sorted), backoff(p, sorted), connectTimeout);
    }

    private static KeepaliveParams keepalive(Profile p, Map<String, String> params) {
        boolean tuned = params.keySet().stream().anyMatch(is(ParameterKey::isKeepaliveTiming));
        String switchKey = ParameterKey.KEEPALIVE.key();
        String onOff = params.containsKey(switchKey) ? String.valueOf(params.get(switchKey)).trim() : null;
        if ("off".equals(onOff)) {
            if (tuned) {
                throw new IllegalArgumentException(switchKey + ": 'off' contradicts " + ParameterKey.KEEPALIVE_IDLE.key()
                        + ", " + ParameterKey.KEEPALIVE_INTERVAL.key() + " and " + ParameterKey.KEEPALIVE_COUNT.key());
            }
            return null;
        }
        if (onOff != null && !"on".equals(onOff)) {
            throw new IllegalArgumentException(switchKey + ": bad value '" + params.get(switchKey)
                    + "': expected on or off");
        }
        if (p.keepalive() == null && onOff == null && !tuned) {
            return null;
        }
        Duration idle = value(params, ParameterKey.KEEPALIVE_IDLE, Durations::parse, null);
        Duration interval = value(params, ParameterKey.KEEPALIVE_INTERVAL, Durations::parse, null);
        Integer count = value(params, ParameterKey.KEEPALIVE_COUNT, ProfileOverrides::parseInt, null);
        return build(params, ParameterKey::isKeepaliveTiming,
                () -> KeepaliveParams.over(p.keepalive(), idle, interval, count));
    }

    private static Backoff backoff(Profile p, Map<String, String> params) {
        Backoff b = p.backoff();
        Duration initial = value(params, ParameterKey.BACKOFF_INITIAL, Durations::parse, b.initial());
        double multiplier = value(params, ParameterKey.BACKOFF_MULTIPLIER, ProfileOverrides::parseDouble,
                b.multiplier());
        double jitter = value(params, ParameterKey.BACKOFF_JITTER, ProfileOverrides::parseDouble, b.jitter());
        Duration max = value(params, ParameterKey.BACKOFF_MAX, Durations::parse, b.max());
        return build(params, ParameterKey::isBackoff, () -> new Backoff(initial, multiplier, jitter, max));
    }

    private static PhiAccrualParams phi(Profile p, Map<String, String> params) {
        ParameterKey key = ParameterKey.PHI_THRESHOLD;
        if (!params.containsKey(key.key())) {
            return p.phi();
        }
        if (p.phi() == null) {
            throw new IllegalArgumentException(key.key() + ": profile '" + p.name() + "' has no phi-accrual detector");
        }
        double threshold = value(params, key, ProfileOverrides::parseDouble, p.phi().threshold());
        return build(params, key::equals, () -> p.phi().withThreshold(threshold));
    }

    private static <T> T value(Map<String, String> params, ParameterKey key, Function<String, T> parse, T current) {
        if (!params.containsKey(key.key())) {
            return current;
        }
        try {
            return parse.apply(params.get(key.key()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key.key() + ": " + e.getMessage(), e);
        }
    }

    /** A record's own message names its field; prefixing the keys given tells the user which input to fix. */
    private static <T> T build(Map<String, String> params, Predicate<ParameterKey> keys, Supplier<T> record) {
        try {
            return record.get();
        } catch (IllegalArgumentException e) {
            List<String> given = params.keySet().stream().filter(is(keys)).toList();
            if (given.isEmpty()) {
                throw e;
            }
            throw new IllegalArgumentException(String.join(", ", given) + ": " + e.getMessage(), e);
        }
    }

    /** Whether a given key names a parameter of this kind. */
    private static Predicate<String> is(Predicate<ParameterKey> kind) {
        return key -> ParameterKey.of(key).filter(kind).isPresent();
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
