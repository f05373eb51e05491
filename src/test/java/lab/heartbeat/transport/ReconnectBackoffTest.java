package lab.heartbeat.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.channel.EventLoopGroup;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lab.heartbeat.detect.Backoff;
import lab.heartbeat.detect.HeartbeatMode;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.detect.ProfileKind;
import lab.heartbeat.transport.MisbehavingServer.Behaviour;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A client backs off against servers that accept and then fail it: the attempts restart only when
 * a connection proved itself. The delays asserted are the ones the client scheduled, computed by
 * the policy without jitter, so they do not depend on how fast this machine is.
 */
class ReconnectBackoffTest {
    private static final Backoff BACKOFF = new Backoff(Duration.ofMillis(10), 2, 0, Duration.ofSeconds(2));
    /** Heartbeats every 20 ms, 3 misses: a server that never answers is given up on after 60 ms. */
    private static final Profile PROFILE = new Profile("backoff-test", ProfileKind.APP_HEARTBEAT,
            HeartbeatMode.REQUEST, Duration.ofMillis(20), 3, null, null, null, BACKOFF, Duration.ofSeconds(2));

    private final Transports transport = Transports.current();
    private final TrackedThreads threads = TrackedThreads.forEventLoops("backoff-test");
    private final EventLoopGroup group = transport.newGroup(1, threads);

    @AfterEach
    void shutdown() throws InterruptedException {
        threads.ending();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @EnumSource(value = Behaviour.class, names = {"ACCEPT_THEN_CLOSE", "ACCEPT_THEN_RESET", "NEVER_ANSWER"})
    void againstAServerThatFailsEachConnectionTheDelaysGrowAsConfigured(Behaviour behaviour) throws Exception {
        assertThat(attempts(behaviour, 6)).containsExactly(
                "reconnect 1 in 10 ms", "reconnect 2 in 20 ms", "reconnect 3 in 40 ms", "reconnect 4 in 80 ms",
                "reconnect 5 in 160 ms", "reconnect 6 in 320 ms");
    }

    @Test
    void aConnectionOnWhichTheServerAnsweredStartsTheAttemptsAgain() throws Exception {
        assertThat(attempts(Behaviour.ACK_ONCE_THEN_CLOSE, 4)).containsOnly("reconnect 1 in 10 ms");
    }

    @Test
    void aConnectionThatStayedUpForTheStablePeriodStartsTheAttemptsAgainThoughSilent() throws Exception {
        Backoff stableAfter100Ms = new Backoff(Duration.ofMillis(10), 2, 0, Duration.ofMillis(100));
        Profile silent = new Profile("keepalive-only", ProfileKind.OS_KEEPALIVE, HeartbeatMode.NONE, null, 1, null,
                null, null, stableAfter100Ms, Duration.ofSeconds(2));
        assertThat(stableAfter100Ms.stablePeriod()).isEqualTo(Duration.ofMillis(100))
                .isLessThan(Duration.ofMillis(MisbehavingServer.HELD_MILLIS));
        assertThat(attempts(Behaviour.HOLD_THEN_CLOSE, silent, 3)).containsOnly("reconnect 1 in 10 ms");
    }

    private List<String> attempts(Behaviour behaviour, int count) throws Exception {
        return attempts(behaviour, PROFILE, count);
    }

    private List<String> attempts(Behaviour behaviour, Profile profile, int count) throws Exception {
        EventLines events = new EventLines();
        try (MisbehavingServer server = new MisbehavingServer(behaviour)) {
            ReconnectingClient client = new ReconnectingClient("c-1", profile,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), null, group.next(),
                    transport, events, () -> 0.5, Duration.ZERO);
            client.start();
            try {
                await().atMost(Duration.ofSeconds(20)).until(() -> events.lines.size() >= count);
            } finally {
                client.stop().await(5, TimeUnit.SECONDS);
            }
        }
        List<String> seen = new ArrayList<>(events.lines);
        return seen.subList(0, count);
    }
}
