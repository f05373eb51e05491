package lab.heartbeat.ui.parameters;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import lab.heartbeat.detect.Durations;
import lab.heartbeat.detect.KeepaliveParams;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.detect.SweepParams;

/** The parameters the editor offers, keyed as {@link Profile#withOverrides} and the scenarios spell them. */
public final class ParameterCatalog {

    public static final String SWEEP_INTERVAL = "sweepInterval";
    public static final String SWEEP_MISSES = "sweepMisses";

    public record Entry(String key, String category, String description, Function<Profile, String> read) {
    }

    public static final List<Entry> PROFILE = List.of(
            new Entry("heartbeatInterval", "Heartbeat", "time between heartbeats, e.g. 500ms",
                    p -> duration(p.heartbeatInterval())),
            new Entry("heartbeatMisses", "Heartbeat", "silent ticks before the connection is declared dead",
                    p -> Integer.toString(p.heartbeatMisses())),
            new Entry("keepalive", "OS keepalive", "SO_KEEPALIVE: on or off", p -> p.keepalive() == null ? "off" : "on"),
            new Entry("keepaliveIdle", "OS keepalive", "TCP_KEEPIDLE, whole seconds",
                    p -> keepalive(p, k -> duration(k.idle()))),
            new Entry("keepaliveInterval", "OS keepalive", "TCP_KEEPINTVL, whole seconds",
                    p -> keepalive(p, k -> duration(k.interval()))),
            new Entry("keepaliveCount", "OS keepalive", "TCP_KEEPCNT, probes before the kernel gives up",
                    p -> keepalive(p, k -> Integer.toString(k.count()))),
            new Entry("userTimeout", "User timeout", "TCP_USER_TIMEOUT, a duration or off",
                    p -> p.userTimeout() == null ? "off" : duration(p.userTimeout())),
            new Entry("phiThreshold", "Phi accrual", "phi above which the peer is suspected",
                    p -> p.phi() == null ? "" : number(p.phi().threshold())),
            new Entry("backoffInitial", "Reconnect", "first reconnect delay", p -> duration(p.backoff().initial())),
            new Entry("backoffMultiplier", "Reconnect", "growth of the delay per attempt",
                    p -> number(p.backoff().multiplier())),
            new Entry("backoffJitter", "Reconnect", "random spread, 0 to 1", p -> number(p.backoff().jitter())),
            new Entry("backoffMax", "Reconnect", "longest reconnect delay", p -> duration(p.backoff().max())),
            new Entry("connectTimeout", "Reconnect", "how long a connect may take", p -> duration(p.connectTimeout())));

    private ParameterCatalog() {
    }

    static String sweepValue(SweepParams sweep, String key) {
        if (sweep == null) {
            return "off";
        }
        return SWEEP_INTERVAL.equals(key) ? duration(sweep.interval()) : Integer.toString(sweep.misses());
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
