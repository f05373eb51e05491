package lab.heartbeat.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.util.concurrent.MockTicker;
import io.netty.util.concurrent.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lab.heartbeat.detect.Prediction;
import lab.heartbeat.detect.Cause;
import lab.heartbeat.detect.Side;
import lab.heartbeat.protocol.FrameType;
import lab.heartbeat.transport.Closure;
import lab.heartbeat.transport.ConnectionId;
import lab.heartbeat.transport.ConnectionObserver;
import org.junit.jupiter.api.Test;

/**
 * Telemetry on an injected {@link Ticker}. The sampler thread fires on wall time, but every time it
 * records comes from the ticker, so the tests freeze or advance the ticker and wait (Awaitility) for
 * the sampler to catch up; nothing asserts on how many wall-clock periods went by.
 */
class TelemetryTest {

    private static final Duration AWAIT = Duration.ofSeconds(10);

    /** A fast sampler (1 ms) so that tests wait little; {@code samples} of history. */
    private static TelemetryConfig fast(int samples, int retiredTracks) {
        return new TelemetryConfig(Duration.ofMillis(1), Duration.ofMillis(samples), 1_000, retiredTracks);
    }

    private static EndpointStats open(Telemetry t, Side side, String client, int port) {
        return (EndpointStats) t.connectionOpened(new ConnectionId(side, client, port), "127.0.0.1:" + port, t.now());
    }

    private static SeriesView series(Telemetry t, String track) {
        return t.series(track).orElse(new SeriesView(track, new long[0], new float[Series.values().length][0]));
    }

    @Test
    void timesComeFromTheInjectedTicker() throws Exception {
        MockTicker ticker = Ticker.newMockTicker();
        ticker.advance(42, TimeUnit.SECONDS);
        try (Telemetry t = new Telemetry(TelemetryConfig.countersOnly(), ticker)) {
            long start = t.startNanos();
            assertThat(start).isEqualTo(ticker.nanoTime());

            ticker.advance(1_500, TimeUnit.MILLISECONDS);
            assertThat(t.now()).isEqualTo(start + 1_500_000_000L);
            assertThat(t.timeBase().msSinceStart(t.now())).isEqualTo(1_500.0);
            assertThat(Duration.between(t.timeBase().wallTime(start), t.timeBase().wallTime(t.now()))).isEqualTo(Duration.ofMillis(1_500));
            assertThat(t.snapshot().nanos()).isEqualTo(t.now());

            t.clientAdded("c1", "app-heartbeat/teaching");
            t.action(EventKind.ACTION, "server", "restart");
            List<LabEvent> events = t.events().recent();
            assertThat(events).extracting(LabEvent::kind).containsExactly(EventKind.CLIENT_ADDED, EventKind.ACTION);
            assertThat(events).extracting(LabEvent::nanos).containsOnly(start + 1_500_000_000L);
        }
    }

    @Test
    void aDetectionIsRecordedWithItsMeasuredAndPredictedDelays() throws Exception {
        MockTicker ticker = Ticker.newMockTicker();
        try (Telemetry t = new Telemetry(TelemetryConfig.countersOnly(), ticker)) {
            t.clientAdded("c1", "p");
            long t0 = t.now();
            ConnectionObserver obs = open(t, Side.CLIENT, "c1", 40_001);
            obs.connected(t0);
            obs.frameReceived(FrameType.HEARTBEAT_ACK, 8, t0 + 1_000_000_000L);
            obs.closed(new Closure(Cause.APP_HEARTBEAT, "no frame for 3 intervals", t0 + 2_600_000_000L,
                    t0 + 1_000_000_000L, Prediction.point(t0 + 2_500_000_000L), null));

            assertThat(t.detections()).singleElement().satisfies(d -> {
                assertThat(d.cause()).isEqualTo(Cause.APP_HEARTBEAT);
                assertThat(d.side()).isEqualTo(Side.CLIENT);
                assertThat(d.connection()).isEqualTo("c1:40001");
                assertThat(d.measuredMsAfter(d.lastReceivedNanos())).isEqualTo(1_600.0);
                assertThat(d.predictedMsAfter(d.lastReceivedNanos())).isEqualTo(1_500.0);
            });
            LabEvent detected = t.events().recent().stream().filter(LabEvent::isDetection).findFirst().orElseThrow();
            assertThat(detected.measuredMs()).isEqualTo(1_600L);
            assertThat(detected.predictedMs()).isEqualTo(1_500L);
            assertThat(detected.nanos()).isEqualTo(t0 + 2_600_000_000L);

            TelemetrySnapshot s = t.snapshot();
            assertThat(s.detectionCount()).isEqualTo(1);
            assertThat(s.clientsUp()).isZero();
            assertThat(t.client("c1").orElseThrow().lastDetection()).isEqualTo(t.detections().get(0));
        }
    }

    @Test
    void aPeerCloseOrProtocolErrorIsNoDetection() throws Exception {
        try (Telemetry t = new Telemetry(TelemetryConfig.countersOnly(), Ticker.newMockTicker())) {
            ConnectionObserver a = open(t, Side.SERVER, "peer@127.0.0.1", 40_002);
            a.connected(0);
            a.closed(new Closure(Cause.PEER_CLOSED, "bye", 10, 0, Prediction.NONE, null));
            ConnectionObserver b = open(t, Side.SERVER, "peer@127.0.0.1", 40_003);
            b.connected(0);
            b.closed(new Closure(Cause.PROTOCOL_ERROR, "frame too long", 10, 0, Prediction.NONE, null));

            assertThat(t.detections()).isEmpty();
            assertThat(t.events().recent()).extracting(LabEvent::kind).containsExactly(EventKind.CONNECTED,
                    EventKind.DISCONNECTED, EventKind.CONNECTED, EventKind.PROTOCOL_ERROR, EventKind.DISCONNECTED);
            assertThat(t.snapshot().serverConnections()).as("closed server tracks leave the live view").isEmpty();
        }
    }

    @Test
    void tracksSampledInOneTickKeepTheirOwnValues() throws Exception {
        try (Telemetry t = new Telemetry(fast(1_000, 10), Ticker.newMockTicker())) {
            t.clientAdded("busy", "p");
            t.clientAdded("idle", "p");
            EndpointStats busy = open(t, Side.CLIENT, "busy", 40_010);
            busy.connected(t.now());
            for (int i = 0; i < 5; i++) {
                busy.frameSent(FrameType.HEARTBEAT, 8, t.now());
            }
            busy.heartbeatAcked(3_000_000);

            await().atMost(AWAIT).until(() -> {
                SeriesView b = series(t, TrackNames.clientTrack("busy"));
                return b.size() > 0 && b.value(Series.HEARTBEATS_SENT, b.size() - 1) == 5
                        && series(t, TrackNames.clientTrack("idle")).size() > 0;
            });
            SeriesView idle = series(t, TrackNames.clientTrack("idle"));
            int last = idle.size() - 1;
            assertThat(idle.value(Series.HEARTBEATS_SENT, last)).isZero();
            assertThat(idle.value(Series.STATE_UP, last)).isZero();
            assertThat(idle.value(Series.RTT_MS, last)).as("no RTT yet, not busy's").isNaN();
        }
    }

    @Test
    void samplesTheCountersAtTheTickersTime() throws Exception {
        MockTicker ticker = Ticker.newMockTicker();
        ticker.advance(10, TimeUnit.SECONDS);
        try (Telemetry t = new Telemetry(fast(1_000, 10), ticker)) {
            long t1 = t.now();
            t.clientAdded("c1", "p");
            EndpointStats c = open(t, Side.CLIENT, "c1", 40_004);
            c.connected(t1);
            for (int i = 0; i < 3; i++) {
                c.frameSent(FrameType.HEARTBEAT, 8, t1);
            }
            c.heartbeatAcked(2_000_000);

            await().atMost(AWAIT).until(() -> {
                SeriesView v = series(t, TrackNames.clientTrack("c1"));
                return v.size() > 0 && v.value(Series.HEARTBEATS_SENT, v.size() - 1) == 3;
            });
            SeriesView first = series(t, TrackNames.clientTrack("c1"));
            int last = first.size() - 1;
            assertThat(first.nanos()).as("the ticker is frozen: every tick at its time").containsOnly(t1);
            assertThat(first.value(Series.STATE_UP, last)).isEqualTo(1);
            assertThat(first.value(Series.RTT_MS, last)).isEqualTo(2.0f);
            assertThat(first.value(Series.ACKS_RECEIVED, last)).isEqualTo(1);
            assertThat(first.value(Series.KERNEL_PROBES, last)).as("no kernel info read").isNaN();

            ticker.advance(1, TimeUnit.SECONDS);
            long t2 = t.now();
            c.frameSent(FrameType.HEARTBEAT, 8, t2);
            c.frameSent(FrameType.HEARTBEAT, 8, t2);
            await().atMost(AWAIT).until(() -> {
                SeriesView v = series(t, TrackNames.clientTrack("c1"));
                return v.value(Series.HEARTBEATS_SENT, v.size() - 1) == 5;
            });
            SeriesView second = series(t, TrackNames.clientTrack("c1"));
            assertThat(second.nanos()).containsOnly(t1, t2).isSorted().endsWith(t2);
            for (int i = 0; i < second.size(); i++) {
                if (second.value(Series.HEARTBEATS_SENT, i) == 5) {
                    assertThat(second.nanos()[i]).as("a counter written after the advance is sampled after it")
                            .isEqualTo(t2);
                }
            }
        }
    }

    @Test
    void aTracksAllocatedSamplesNeverExceedHistoryOverSampleInterval() throws Exception {
        MockTicker ticker = Ticker.newMockTicker();
        TelemetryConfig config = fast(100, 10);
        assertThat(config.historySamples()).isEqualTo(100);
        try (Telemetry t = new Telemetry(config, ticker)) {
            t.clientAdded("c1", "p");
            EndpointStats client = open(t, Side.CLIENT, "c1", 40_005);
            EndpointStats server = open(t, Side.SERVER, "c1", 40_005);
            assertThat(client.series.allocatedSamples()).as("starts small").isEqualTo(64);

            // Each round: move the ticker on, wait until the whole ring holds samples of the new time,
            // i.e. the ring has wrapped all the way round since.
            for (int round = 1; round <= 3; round++) {
                ticker.advance(1, TimeUnit.SECONDS);
                long now = t.now();
                await().atMost(AWAIT).until(() -> {
                    SeriesView v = series(t, TrackNames.clientTrack("c1"));
                    return v.size() == 100 && v.nanos()[0] == now;
                });
                assertThat(client.series.allocatedSamples()).isEqualTo(100);
                assertThat(server.series.allocatedSamples()).isLessThanOrEqualTo(100);
                assertThat(client.series.size()).isEqualTo(100);
            }
        }
    }

    @Test
    void historyRoundsDownToWholeSamplesAndTheDashboardDefaultsAreBounded() {
        assertThat(new TelemetryConfig(Duration.ofMillis(100), Duration.ofMillis(250), 1, 0).historySamples())
                .isEqualTo(2);
        assertThat(TelemetryConfig.defaults().historySamples()).isEqualTo(6_000);
        assertThat(TelemetryConfig.countersOnly().historySamples()).isZero();
    }

    @Test
    void countersOnlyKeepsNoSeries() throws Exception {
        java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
        try (Telemetry t = new Telemetry(TelemetryConfig.countersOnly(), Ticker.newMockTicker())) {
            t.clientAdded("c1", "p");
            EndpointStats c = open(t, Side.CLIENT, "c1", 40_006);
            c.connected(t.now());
            c.frameSent(FrameType.HEARTBEAT, 8, t.now());
            assertThat(c.series).isNull();
            assertThat(t.allSeries()).isEmpty();
            assertThat(t.client("c1").orElseThrow().heartbeatsSent()).isEqualTo(1);
            assertThat(t.snapshot().clientsUp()).isEqualTo(1);
            assertThat(Thread.getAllStackTraces().keySet()).filteredOn(thread -> !before.contains(thread))
                    .extracting(Thread::getName).as("a sampler with nothing to sample")
                    .noneMatch(name -> name.startsWith("telemetry-sampler"));
        }
    }

    @Test
    void onlyTheConfiguredNumberOfClosedTracksIsKept() throws Exception {
        try (Telemetry t = new Telemetry(fast(50, 2), Ticker.newMockTicker())) {
            List<EndpointStats> tracks = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                EndpointStats s = open(t, Side.SERVER, "c" + i, 41_000 + i);
                s.connected(t.now());
                tracks.add(s);
            }
            await().atMost(AWAIT).until(() -> t.allSeries().size() == 5);
            for (EndpointStats s : tracks) {
                s.closed(new Closure(Cause.LOCAL_CLOSE, "stop", t.now(), t.now(), Prediction.NONE, null));
            }
            assertThat(t.allSeries()).extracting(SeriesView::track)
                    .containsExactly(tracks.get(3).track(), tracks.get(4).track());
            assertThat(t.snapshot().serverConnections()).isEmpty();
        }
    }

    @Test
    void aRemovedClientLeavesTheSnapshot() throws Exception {
        try (Telemetry t = new Telemetry(TelemetryConfig.countersOnly(), Ticker.newMockTicker())) {
            t.clientAdded("c1", "p");
            t.clientAdded("c2", "p");
            t.clientRemoved("c1");
            t.clientRemoved("unknown");
            assertThat(t.snapshot().clients()).extracting(EndpointView::client).containsExactly("c2");
            assertThat(t.events().recent()).extracting(LabEvent::kind).containsExactly(EventKind.CLIENT_ADDED,
                    EventKind.CLIENT_ADDED, EventKind.CLIENT_REMOVED);
        }
    }

    @Test
    void closeDeliversThePendingEventsToSubscribers() throws Exception {
        Telemetry t = new Telemetry(TelemetryConfig.countersOnly(), Ticker.newMockTicker());
        List<LabEvent> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        t.events().subscribe(seen::add);
        for (int i = 0; i < 100; i++) {
            t.clientAdded("c" + i, "p");
        }
        t.close();
        assertThat(seen).hasSize(100);
    }

    @Test
    void endsAreBoundedTheOldestDroppedAndCountedReadersByIndexStillKeepUp() throws Exception {
        try (Telemetry t = new Telemetry(TelemetryConfig.countersOnly(), Ticker.newMockTicker())) {
            int total = Telemetry.MAX_ENDS + 3;
            for (int i = 0; i < total; i++) {
                ConnectionObserver c = open(t, Side.SERVER, "peer@127.0.0.1", i);
                c.connected(0);
                c.closed(new Closure(Cause.PEER_CLOSED, "bye", i, 0, Prediction.NONE, null));
            }
            assertThat(t.ends()).hasSize(Telemetry.MAX_ENDS);
            assertThat(t.ends().get(0).atNanos()).as("the oldest three went").isEqualTo(3);
            assertThat(t.endsDropped()).isEqualTo(3);
            assertThat(t.endsSince(total - 1)).extracting(Detection::atNanos).containsExactly((long) total - 1);
            assertThat(t.endsSince(total)).isEmpty();
        }
    }

    @Test
    void aPhiClientsEstimateIsInItsViewWhileConnectedOnly() throws Exception {
        MockTicker ticker = Ticker.newMockTicker();
        try (Telemetry t = new Telemetry(TelemetryConfig.countersOnly(), ticker)) {
            EndpointStats c = open(t, Side.CLIENT, "phi-1", 1);
            c.connected(t.now());
            lab.heartbeat.detect.PhiEstimate estimate = new lab.heartbeat.detect.PhiEstimate(t.now(), 1e9, 1e8, 8.0);
            c.phiChanged(estimate);
            assertThat(t.snapshot().clients()).extracting(EndpointView::phi).containsExactly(estimate);
            c.closed(new Closure(Cause.PHI_ACCRUAL, "phi 8.0", t.now(), 0, Prediction.NONE, null));
            assertThat(t.snapshot().clients()).extracting(EndpointView::phi).containsOnlyNulls();
            c.connected(t.now());
            assertThat(t.snapshot().clients()).extracting(EndpointView::phi).containsOnlyNulls();
        }
    }
}
