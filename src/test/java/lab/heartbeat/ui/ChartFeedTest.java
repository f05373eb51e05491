package lab.heartbeat.ui;

import lab.heartbeat.ui.charts.ChartFeed;
import static lab.heartbeat.ui.FakeLab.view;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import io.fair_acc.dataset.DataSet;
import lab.heartbeat.telemetry.TelemetrySnapshot;
import lab.heartbeat.transport.ClientState;
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
        assertThat(sets.rtt()).extracting(DataSet::getName).containsExactly("a-1", "b-1");
        assertThat(sets.counters()).hasSize(4);
        assertThat(sets.kernel()).hasSize(6);
        DataSet sent = sets.counters().get(0);
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
        DataSet sent = shown.get().counters().get(0);
        assertThat(sent.getDataCount()).isEqualTo(2);
        feed.paused(false);
        feed.sample(snapshot(300_000_000L, 3));
        assertThat(sent.getDataCount()).isEqualTo(4);
    }

    @Test
    void chartsAtMostEightClients() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add("c-" + i);
        }
        feed.select(many);
        feed.sample(new TelemetrySnapshot(0, List.of(), List.of(), 0, 0));
        assertThat(shown.get().rtt()).hasSize(ChartFeed.MAX_CHARTED);
    }

    private static TelemetrySnapshot snapshot(long nanos, long sent) {
        return new TelemetrySnapshot(nanos, List.of(view("a-1", "p", ClientState.UP, true, sent),
                view("b-1", "p", ClientState.UP, true, sent)), List.of(), 0, 0);
    }
}
