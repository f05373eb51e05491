package lab.heartbeat.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.util.concurrent.Ticker;
import java.time.Duration;
import java.util.List;
import lab.heartbeat.detect.Cause;
import lab.heartbeat.detect.Prediction;
import lab.heartbeat.detect.Side;
import lab.heartbeat.protocol.FrameType;
import lab.heartbeat.transport.Closure;
import lab.heartbeat.transport.ConnectionId;
import lab.heartbeat.transport.ConnectionObserver;
import org.junit.jupiter.api.Test;

/**
 * DATA frames held against the server's count: what a client sent on a connection and the lab's
 * server never counted is lost once that connection has ended, and in flight while it is open.
 */
class DataCountingTest {

    private static ConnectionObserver open(Telemetry t, Side side, String client, int port, long nanos) {
        ConnectionObserver o = t.connectionOpened(new ConnectionId(side, client, port), "127.0.0.1:" + port, nanos);
        o.connected(nanos);
        return o;
    }

    /** Both ends of one connection of the lab's own client. */
    private record Ends(ConnectionObserver client, ConnectionObserver server) {
        /** The client sends {@code frames}; the server counts the first {@code counted} of them. */
        void data(int frames, int counted) {
            for (int i = 0; i < frames; i++) {
                client.frameSent(FrameType.DATA, 20, 0);
                if (i < counted) {
                    server.frameReceived(FrameType.DATA, 20, 0);
                }
            }
        }
    }

    private static Ends connect(Telemetry t, String client, int port, long nanos) {
        return new Ends(open(t, Side.CLIENT, client, port, nanos), open(t, Side.SERVER, client, port, nanos));
    }

    private static Closure ended(Cause cause, long nanos) {
        return new Closure(cause, "test", nanos, 0, Prediction.NONE, null);
    }

    @Test
    void dataOnAConnectionThatDiesBeforeTheServerCountedItIsLostAndInFlightWhileOpen() throws Exception {
        try (Telemetry t = new Telemetry(TelemetryConfig.countersOnly(), Ticker.newMockTicker())) {
            t.clientAdded("hb-1", "p");
            Ends first = connect(t, "hb-1", 40_001, 100);
            first.data(10, 6);
            assertThat(t.client("hb-1").orElseThrow().data()).as("4 still in flight, none lost yet")
                    .isEqualTo(new DataCount(10, 6, 0));

            first.client().closed(ended(Cause.APP_HEARTBEAT, 500));
            first.server().closed(ended(Cause.SERVER_SWEEP, 600));
            assertThat(t.client("hb-1").orElseThrow().data()).isEqualTo(new DataCount(10, 6, 4));

            connect(t, "hb-1", 40_002, 900).data(5, 2);
            assertThat(t.client("hb-1").orElseThrow().data()).as("the new connection's 3 are in flight, not lost")
                    .isEqualTo(new DataCount(15, 8, 4));

            List<ConnectionData> byConnection = t.dataByConnection();
            assertThat(byConnection).containsExactly(
                    new ConnectionData("hb-1", "hb-1:40001", 100, 500, 10, 6),
                    new ConnectionData("hb-1", "hb-1:40002", 900, -1, 5, 2));
            assertThat(byConnection).extracting(ConnectionData::lost).containsExactly(4L, 0L);
            assertThat(byConnection.get(0).openAt(300)).isTrue();
            assertThat(byConnection.get(1).openAt(300)).isFalse();
            assertThat(DataCount.of(byConnection)).isEqualTo(new DataCount(15, 8, 4));
        }
    }

    @Test
    void framesTheServerCountsAfterTheClientGaveUpAreDeliveredAfterAll() throws Exception {
        try (Telemetry t = new Telemetry(TelemetryConfig.countersOnly(), Ticker.newMockTicker())) {
            t.clientAdded("ka-1", "p");
            Ends ends = connect(t, "ka-1", 40_003, 0);
            ends.data(3, 1);
            ends.client().closed(ended(Cause.LOCAL_CLOSE, 50));
            assertThat(t.client("ka-1").orElseThrow().data().lost()).isEqualTo(2);

            ends.server().frameReceived(FrameType.DATA, 20, 60);
            ends.server().frameReceived(FrameType.DATA, 20, 60);
            assertThat(t.client("ka-1").orElseThrow().data()).isEqualTo(new DataCount(3, 3, 0));
            assertThat(DataCount.of(t.dataByConnection())).isEqualTo(new DataCount(3, 3, 0));
        }
    }

    @Test
    void throughTheRelayTheServerSeesAnotherPortAndCountsAgainstTheClientsLatestConnection() throws Exception {
        try (Telemetry t = new Telemetry(TelemetryConfig.countersOnly(), Ticker.newMockTicker())) {
            t.clientAdded("hb-1", "p");
            new Ends(open(t, Side.CLIENT, "hb-1", 40_006, 0), open(t, Side.SERVER, "hb-1", 51_000, 0)).data(4, 3);
            assertThat(t.dataByConnection()).containsExactly(new ConnectionData("hb-1", "hb-1:40006", 0, -1, 4, 3));
            assertThat(t.client("hb-1").orElseThrow().data()).isEqualTo(new DataCount(4, 3, 0));
        }
    }

    @Test
    void dataFromAPeerOutsideTheLabIsReceivedButInNoLedger() throws Exception {
        try (Telemetry t = new Telemetry(TelemetryConfig.countersOnly(), Ticker.newMockTicker())) {
            ConnectionObserver server = open(t, Side.SERVER, "seed@127.0.0.1", 40_004, 0);
            server.frameReceived(FrameType.DATA, 20, 10);
            assertThat(t.snapshot().serverConnections()).singleElement().satisfies(s -> {
                assertThat(s.dataIn()).isEqualTo(1);
                assertThat(s.data()).isEqualTo(DataCount.NONE);
            });
            assertThat(t.dataByConnection()).isEmpty();
        }
    }

    @Test
    void theTimeSeriesCarryDataSentDeliveredAndLost() throws Exception {
        TelemetryConfig config = new TelemetryConfig(Duration.ofMillis(1), Duration.ofMillis(1_000), 1_000, 10);
        try (Telemetry t = new Telemetry(config, Ticker.newMockTicker())) {
            t.clientAdded("hb-1", "p");
            Ends ends = connect(t, "hb-1", 40_005, 0);
            ends.data(7, 5);
            ends.client().closed(ended(Cause.APP_HEARTBEAT, 10));

            await().atMost(Duration.ofSeconds(10)).until(() -> t.series("client/hb-1")
                    .filter(v -> v.size() > 0 && v.value(Series.DATA_LOST, v.size() - 1) == 2).isPresent());
            SeriesView v = t.series("client/hb-1").orElseThrow();
            int last = v.size() - 1;
            assertThat(v.value(Series.DATA_SENT, last)).isEqualTo(7);
            assertThat(v.value(Series.DATA_DELIVERED, last)).isEqualTo(5);
        }
    }
}
