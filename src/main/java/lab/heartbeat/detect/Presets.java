package lab.heartbeat.detect;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** The built-in presets: the seed programs' numbers, gRPC's defaults, and a fast one for teaching. */
public final class Presets {

    private static final Preset SEED_000 = new Preset("seed-000",
            "Seed 000 (Qt): client and server timers every 5 s with a counter of 6 (HEART_CHECK_TIMES), so a dead "
                    + "peer is found 25-30 s after its last frame; KeepAliveOption on both sides, which on Linux "
                    + "means 7200 s idle, 75 s interval, 9 probes. Not in the seed: user timeout 30 s (the "
                    + "heartbeat's bound), phi with Akka's defaults and a 5 s first estimate, gRPC backoff, "
                    + "connect timeout 30 s (Qt's waitForConnected default).",
            ProfileKind.APP_HEARTBEAT, Duration.ofSeconds(5), 6, KeepaliveParams.linuxDefaults(),
            Duration.ofSeconds(30), phiFor(Duration.ofSeconds(5)),
            new SweepParams(Duration.ofSeconds(5), 6), KeepaliveParams.linuxDefaults(),
            Backoff.grpc(), Duration.ofSeconds(30));

    private static final Preset SEED_001 = new Preset("seed-001",
            "Seed 001 (Qt): SO_KEEPALIVE with TCP_KEEPIDLE 5 s, TCP_KEEPINTVL 3 s, TCP_KEEPCNT 3 on the socket, so "
                    + "an idle dead peer is found 14 s after the last segment. Not in the seed: heartbeat 5 s x 6 "
                    + "as in seed 000, user timeout 14 s (the keepalive's bound), phi with Akka's defaults and a "
                    + "5 s first estimate, gRPC backoff, connect timeout 30 s (Qt's waitForConnected default).",
            ProfileKind.OS_KEEPALIVE, Duration.ofSeconds(5), 6, KeepaliveParams.ofSeconds(5, 3, 3),
            Duration.ofSeconds(14), phiFor(Duration.ofSeconds(5)),
            null, KeepaliveParams.ofSeconds(5, 3, 3),
            Backoff.grpc(), Duration.ofSeconds(30));

    private static final Preset SEED_002 = new Preset("seed-002",
            "Seed 002 (POSIX C): the client sends a one-way HEARTBEAT every 3 s (sleep(3)); the server sweeps every "
                    + "3 s and closes a connection after 5 sweeps without one, 12-15 s after its last frame. No "
                    + "keepalive in the seed (SO_KEEPALIVE alone would mean Linux's 7200/75/9). Not in the seed: "
                    + "heartbeat misses 5 for request kinds, user timeout 15 s (the sweep's bound), phi with "
                    + "Akka's defaults and a 3 s first estimate, gRPC backoff, connect timeout 20 s (gRPC).",
            ProfileKind.BEACON, Duration.ofSeconds(3), 5, null,
            Duration.ofSeconds(15), phiFor(Duration.ofSeconds(3)),
            new SweepParams(Duration.ofSeconds(3), 5), null,
            Backoff.grpc(), Duration.ofSeconds(20));

    private static final Preset SEED_004 = new Preset("seed-004",
            "Seed 004: SO_KEEPALIVE with TCP_KEEPIDLE 6 s, TCP_KEEPINTVL 5 s, TCP_KEEPCNT 3, so an idle dead peer "
                    + "is found 21 s after the last segment; the seed's 'strict' app heartbeat, 3 s x 3, detects in "
                    + "6-9 s. Not in the seed: user timeout 21 s (the keepalive's bound), phi with Akka's defaults "
                    + "and a 3 s first estimate, gRPC backoff, connect timeout 20 s (gRPC).",
            ProfileKind.OS_KEEPALIVE, Duration.ofSeconds(3), 3, KeepaliveParams.ofSeconds(6, 5, 3),
            Duration.ofSeconds(21), phiFor(Duration.ofSeconds(3)),
            null, KeepaliveParams.ofSeconds(6, 5, 3),
            Backoff.grpc(), Duration.ofSeconds(20));

    private static final Preset GRPC = new Preset("grpc",
            "gRPC's defaults: connection backoff 1 s x1.6 +-20 % capped at 120 s, minimum connect timeout 20 s, "
                    + "TCP_USER_TIMEOUT 20 s (gRPC sets it to its keepalive timeout). The heartbeat, 20 s x 2, is "
                    + "a gRPC keepalive PING every 20 s that must be answered within 20 s; gRPC sets no TCP "
                    + "keepalive. Not in gRPC: a server sweep of 10 s x 4 (a connection silent for 30-40 s, more "
                    + "than one heartbeat interval plus margin, is closed) and phi with a 20 s first estimate.",
            ProfileKind.APP_HEARTBEAT, Duration.ofSeconds(20), 2, null,
            Duration.ofSeconds(20), phiFor(Duration.ofSeconds(20)),
            new SweepParams(Duration.ofSeconds(10), 4), null,
            Backoff.grpc(), Duration.ofSeconds(20));

    private static final Preset TEACHING = new Preset("teaching",
            "Fast, for labs: every mechanism detects within a few seconds. Heartbeat 500 ms x 3 (1.0-1.5 s), "
                    + "keepalive 2 s/1 s/3 on both sides (5 s), user timeout 3000 ms, server sweep 1 s x 3 (2-3 s), "
                    + "phi with Akka's defaults but no acceptable pause and a 500 ms first estimate, backoff "
                    + "500 ms x1.6 +-20 % capped at 5 s, connect timeout 2 s.",
            ProfileKind.APP_HEARTBEAT, Duration.ofMillis(500), 3, KeepaliveParams.ofSeconds(2, 1, 3),
            Duration.ofMillis(3000),
            PhiAccrualParams.akkaDefaults().withAcceptableHeartbeatPause(Duration.ZERO)
                    .withFirstHeartbeatEstimate(Duration.ofMillis(500)),
            new SweepParams(Duration.ofSeconds(1), 3), KeepaliveParams.ofSeconds(2, 1, 3),
            new Backoff(Duration.ofMillis(500), 1.6, 0.2, Duration.ofSeconds(5)), Duration.ofSeconds(2));

    private static final List<Preset> ALL = List.of(SEED_000, SEED_001, SEED_002, SEED_004, GRPC, TEACHING);

    private Presets() {
    }

    public static List<Preset> all() {
        return ALL;
    }

    public static Preset teaching() {
        return TEACHING;
    }

    /** The preset with this name; the message lists the valid ones. */
    public static Preset byName(String name) {
        for (Preset p : ALL) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown preset '" + name + "'; expected one of "
                + ALL.stream().map(Preset::name).collect(Collectors.joining(", ")));
    }

    /** Akka's defaults, except that the first estimate is the preset's own heartbeat interval. */
    private static PhiAccrualParams phiFor(Duration heartbeatInterval) {
        return PhiAccrualParams.akkaDefaults().withFirstHeartbeatEstimate(heartbeatInterval);
    }
}
