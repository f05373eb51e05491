package lab.heartbeat.ui;

import static lab.heartbeat.ui.FakeLab.view;
import static org.assertj.core.api.Assertions.assertThat;

import io.fair_acc.dataset.DataSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import lab.heartbeat.detect.Presets;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.detect.ProfileKind;
import lab.heartbeat.telemetry.DataCount;
import lab.heartbeat.telemetry.EndpointView;
import lab.heartbeat.telemetry.Series;
import lab.heartbeat.telemetry.SeriesView;
import lab.heartbeat.telemetry.TelemetrySnapshot;
import lab.heartbeat.telemetry.TrackNames;
import lab.heartbeat.transport.ClientState;
import lab.heartbeat.ui.charts.ChartFeed;
import lab.heartbeat.ui.charts.ClientHistory.Column;
import org.junit.jupiter.api.Test;

/** The chart feed as the poller drives it, without a toolkit. */
class ChartFeedTest {
    private final FakeLab lab = new FakeLab();
    private final AtomicReference<ChartFeed.ChartSets> shown = new AtomicReference<>();
    private final ChartFeed feed = new ChartFeed(lab, Duration.ofMinutes(10), Runnable::run, shown::set);

    @Test
    void followsTheSelectionAndKeepsOnlyTheWindow() {
        feed.window(Duration.ofSeconds(30));
        feed.select(List.of("a-1", "b-1"));
        for (int i = 0; i <= 600; i++) {
            feed.sample(snapshot(i * 100_000_000L, i));
        }
        ChartFeed.ChartSets sets = shown.get();
        assertThat(sets.isAggregate()).isFalse();
        assertThat(sets.sets(Column.RTT)).extracting(DataSet::getName).containsExactly("a-1", "b-1");
        assertThat(sets.sets(Column.SENT)).hasSize(2);
        assertThat(sets.sets(Column.UNACKED)).hasSize(2);
        DataSet sent = sets.sets(Column.SENT).get(0);
        assertThat(sent.getDataCount()).isEqualTo(301);
        assertThat(sent.get(DataSet.DIM_X, 0)).isEqualTo(30.0);
        assertThat(sent.get(DataSet.DIM_Y, 300)).isEqualTo(600.0);
    }

    @Test
    void pausedChartsKeepTheirDataWhileSamplesArrive() {
        feed.select(List.of("a-1"));
        feed.sample(snapshot(0, 0));
        feed.sample(snapshot(100_000_000L, 1));
        feed.paused(true);
        feed.sample(snapshot(200_000_000L, 2));
        DataSet sent = shown.get().sets(Column.SENT).get(0);
        assertThat(sent.getDataCount()).isEqualTo(2);
        feed.paused(false);
        feed.sample(snapshot(300_000_000L, 3));
        assertThat(sent.getDataCount()).isEqualTo(4);
    }

    @Test
    void aClientChartedLaterBringsTheHistoryOfItsTelemetryTrack() {
        float[][] columns = new float[Series.values().length][2];
        columns[Series.HEARTBEATS_SENT.ordinal()] = new float[] {7, 8};
        String track = TrackNames.clientTrack("a-1");
        lab.series.put(track, new SeriesView(track, new long[] {100_000_000L, 200_000_000L}, columns));

        feed.select(List.of("a-1"));
        feed.sample(snapshot(300_000_000L, 9));

        DataSet sent = shown.get().sets(Column.SENT).get(0);
        assertThat(sent.getDataCount()).isEqualTo(3);
        assertThat(sent.get(DataSet.DIM_Y, 0)).isEqualTo(7.0);
        assertThat(sent.get(DataSet.DIM_Y, 2)).isEqualTo(9.0);
    }

    @Test
    void chartsAtMostEightClientsAndCountsTheSelection() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add("c-" + i);
        }
        feed.select(many);
        feed.sample(new TelemetrySnapshot(0, List.of(), List.of(), 0, 0));
        assertThat(shown.get().sets(Column.RTT)).hasSize(ChartFeed.MAX_CHARTED);
        assertThat(shown.get().selected()).isEqualTo(20);
    }

    @Test
    void withNothingSelectedTheWholeLabIsChartedAsStackedStatesAndRatesPerSecond() {
        // Ten clients up for two seconds; then a storm: 10 detections, 4 in backoff and 6 connecting; then all back.
        for (int tick = 0; tick <= 20; tick++) {
            feed.sample(lab(tick, ClientState.UP, 1, 0));
        }
        ChartFeed.ChartSets sets = shown.get();
        assertThat(sets.isAggregate()).isTrue();
        List<DataSet> bands = sets.aggregate().bands();
        assertThat(bands).extracting(DataSet::getName)
                .containsExactly("up", "connecting", "backoff", "down", "stopped");
        assertThat(last(bands.get(0))).isEqualTo(10);
        assertThat(last(sets.aggregate().detections())).isZero();
        for (int tick = 21; tick <= 25; tick++) {
            feed.sample(lab(tick, null, 1, 10));
        }
        // Stacked: each band's line is its top edge, the sum of it and every band below.
        assertThat(last(bands.get(0))).isZero();
        assertThat(last(bands.get(1))).isEqualTo(6);
        assertThat(last(bands.get(2))).isEqualTo(10);
        assertThat(last(bands.get(4))).isEqualTo(10);
        assertThat(last(sets.aggregate().detections())).isCloseTo(10, org.assertj.core.data.Offset.offset(1.0));
        for (int tick = 26; tick <= 27; tick++) {
            feed.sample(lab(tick, ClientState.UP, 2, 10));
        }
        assertThat(last(bands.get(0))).isEqualTo(10);
        // Over the last second: ten reconnections, and the ten detections of half a second before.
        assertThat(last(sets.aggregate().reconnections())).isCloseTo(10, org.assertj.core.data.Offset.offset(1.0));
        assertThat(last(sets.aggregate().detections())).isCloseTo(10, org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void chartsThatStayEmptyForTheChartedProfilesSayWhyAndPhiClientsBringTheirThreshold() {
        Profile beacon = Profile.of(ProfileKind.BEACON, Presets.teaching());
        Profile phi = Profile.of(ProfileKind.PHI_ACCRUAL, Presets.teaching());
        feed.select(List.of("beacon-1"));
        feed.sample(new TelemetrySnapshot(0, List.of(view("beacon-1", "beacon", ClientState.UP, true, 1, beacon),
                view("phi-1", "phi-accrual", ClientState.UP, true, 1, phi)), List.of(), 0, 0));
        assertThat(shown.get().notes().rtt()).isEqualTo("beacon clients get no acks, so no RTT");
        assertThat(shown.get().notes().kernel()).contains("epoll transport only");
        assertThat(shown.get().phiThresholds()).isEmpty();
        feed.select(List.of("beacon-1", "phi-1"));
        feed.sample(new TelemetrySnapshot(100_000_000L, List.of(view("beacon-1", "beacon", ClientState.UP, true, 1, beacon),
                view("phi-1", "phi-accrual", ClientState.UP, true, 1, phi)), List.of(), 0, 0));
        assertThat(shown.get().notes().rtt()).isNull();
        assertThat(shown.get().phiThresholds()).containsExactly(phi.phi().threshold());
    }

    /** Ten clients at {@code tick} (a tenth of a second): all in {@code state}, or 4 in backoff and 6 connecting. */
    private static TelemetrySnapshot lab(int tick, ClientState state, long connections, long detections) {
        List<EndpointView> views = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ClientState s = state != null ? state : i < 4 ? ClientState.BACKOFF : ClientState.CONNECTING;
            EndpointView v = view("c-" + i, "p", s, s == ClientState.UP, tick);
            views.add(new EndpointView(v.track(), v.side(), v.client(), v.connection(), v.remote(), v.profile(),
                    v.state(), v.online(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, DataCount.NONE, 0, 0, 0,
                    connections, 0, null, null, null, null));
        }
        return new TelemetrySnapshot(tick * 100_000_000L, views, List.of(), 0, detections);
    }

    private static double last(DataSet set) {
        return set.get(DataSet.DIM_Y, set.getDataCount() - 1);
    }

    private static TelemetrySnapshot snapshot(long nanos, long sent) {
        return new TelemetrySnapshot(nanos, List.of(view("a-1", "p", ClientState.UP, true, sent),
                view("b-1", "p", ClientState.UP, true, sent)), List.of(), 0, 0);
    }
}
