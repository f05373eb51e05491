package lab.heartbeat.detect;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The profile parameters that scenarios, {@code --set}, the control API and the dashboard's editor
 * name by key: the key, its section and help text, and how to read a profile's current value.
 */
public enum ParameterKey {
    HEARTBEAT_INTERVAL("heartbeatInterval", "Heartbeat", "time between heartbeats, e.g. 500ms",
            p -> duration(p.heartbeatInterval())),
    HEARTBEAT_MISSES("heartbeatMisses", "Heartbeat", "silent ticks before the connection is declared dead",
            p -> Integer.toString(p.heartbeatMisses())),
    KEEPALIVE("keepalive", "OS keepalive", "SO_KEEPALIVE: on or off", p -> p.keepalive() == null ? "off" : "on"),
    KEEPALIVE_IDLE("keepaliveIdle", "OS keepalive", "TCP_KEEPIDLE, whole seconds",
            p -> keepalive(p, k -> duration(k.idle()))),
    KEEPALIVE_INTERVAL("keepaliveInterval", "OS keepalive", "TCP_KEEPINTVL, whole seconds",
            p -> keepalive(p, k -> duration(k.interval()))),
    KEEPALIVE_COUNT("keepaliveCount", "OS keepalive", "TCP_KEEPCNT, probes before the kernel gives up",
            p -> keepalive(p, k -> Integer.toString(k.count()))),
    USER_TIMEOUT("userTimeout", "User timeout", "TCP_USER_TIMEOUT, a duration or off",
            p -> p.userTimeout() == null ? "off" : duration(p.userTimeout())),
    PHI_THRESHOLD("phiThreshold", "Phi accrual", "phi above which the peer is suspected",
            p -> p.phi() == null ? "" : number(p.phi().threshold())),
    BACKOFF_INITIAL("backoffInitial", "Reconnect", "first reconnect delay", p -> duration(p.backoff().initial())),
    BACKOFF_MULTIPLIER("backoffMultiplier", "Reconnect", "growth of the delay per attempt",
            p -> number(p.backoff().multiplier())),
    BACKOFF_JITTER("backoffJitter", "Reconnect", "random spread, 0 to 1", p -> number(p.backoff().jitter())),
    BACKOFF_MAX("backoffMax", "Reconnect", "longest reconnect delay", p -> duration(p.backoff().max())),
    CONNECT_TIMEOUT("connectTimeout", "Reconnect", "how long a connect may take", p -> duration(p.connectTimeout()));

    private final String key;
    private final String section;
    private final String help;
    private final Function<Profile, String> reader;

    ParameterKey(String key, String section, String help, Function<Profile, String> reader) {
        this.key = key;
        this.section = section;
        this.help = help;
        this.reader = reader;
    }

    /** The key as scenarios and {@code --set} spell it, e.g. {@code keepaliveIdle}. */
    public String key() {
        return key;
    }

    /** The group the dashboard's editor shows it in, e.g. {@code OS keepalive}. */
    public String section() {
        return section;
    }

    public String help() {
        return help;
    }

    /** The profile's value as {@code key=value} would set it; empty where the profile has no such mechanism. */
    public String read(Profile p) {
        return reader.apply(p);
    }

    /** One of the kernel's keepalive timings, which make sense only with keepalive on. */
    public boolean isKeepaliveTiming() {
        return this == KEEPALIVE_IDLE || this == KEEPALIVE_INTERVAL || this == KEEPALIVE_COUNT;
    }

    /** One of the reconnect backoff's numbers, checked together as one {@link Backoff}. */
    public boolean isBackoff() {
        return this == BACKOFF_INITIAL || this == BACKOFF_MULTIPLIER || this == BACKOFF_JITTER || this == BACKOFF_MAX;
    }

    public static Optional<ParameterKey> of(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }

    /** Every key, in this order, for messages: {@code heartbeatInterval, heartbeatMisses, ...}. */
    public static String allKeys() {
        return Arrays.stream(values()).map(ParameterKey::key).collect(Collectors.joining(", "));
    }

    private static String keepalive(Profile p, Function<KeepaliveParams, String> read) {
        return p.keepalive() == null ? "" : read.apply(p.keepalive());
    }

    private static String duration(Duration d) {
        return d == null ? "" : Durations.format(d);
    }

    private static String number(double d) {
        return d == Math.rint(d) ? String.format(Locale.ROOT, "%.1f", d) : Double.toString(d);
    }
}
