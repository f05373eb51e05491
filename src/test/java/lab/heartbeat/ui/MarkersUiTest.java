package lab.heartbeat.ui;

import lab.heartbeat.ui.charts.ChartExporter;
import lab.heartbeat.ui.charts.ChartMarker;
import lab.heartbeat.ui.charts.ChartsView;
import static lab.heartbeat.ui.DashboardFixture.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import lab.heartbeat.detect.Prediction;
import lab.heartbeat.detect.Cause;
import lab.heartbeat.detect.ProfileKind;
import lab.heartbeat.detect.Side;
import lab.heartbeat.telemetry.Detection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Detections drawn on the charts and announced, on a lab whose detections the test makes. */
class MarkersUiTest {
    private final FakeDashboard d = new FakeDashboard();
    private final FakeLab lab = d.lab;
    private Dashboard dashboard;

    @AfterEach
    void close() throws Exception {
        d.close();
    }

    @Test
    void aDetectionIsMarkedOnTheChartsOfItsClient() throws Exception {
        open(2);
        long at = lab.now();
        lab.detections.add(new Detection(at, Side.CLIENT, "app-heartbeat-1", "app-heartbeat-1:1", Cause.APP_HEARTBEAT,
                0, at - 1_500_000_000L, Prediction.point(at), null, "3 misses"));
        await().atMost(DashboardFixture.PATIENCE).until(() -> fx(() -> dashboard.view().charts().markers().size() == 1));
        assertThat(fx(() -> dashboard.view().charts().markers().get(0).label()))
                .isEqualTo("app-heartbeat-1 client: app-heartbeat");
        assertThat(fx(() -> dashboard.model().log().notificationProperty().get().text()))
                .isEqualTo("app-heartbeat-1: client app-heartbeat 1.50 s");
        // Notices pop up in the bottom left corner, over the log (which lists the same detections):
        // the status bar is above the log, out of their way.
        javafx.geometry.Bounds bar = fx(() -> bounds(dashboard.scene().lookup("#status-bar")));
        javafx.geometry.Bounds log = fx(() -> bounds(dashboard.scene().lookup("#event-log")));
        assertThat(bar.getMaxY()).as("status bar %s above the log %s", bar, log).isLessThanOrEqualTo(log.getMinY());
        assertThat(log.getHeight()).as("room in the log for a notice").isGreaterThanOrEqualTo(110);

        Path folder = Path.of("target", "screenshots");
        fx(() -> new ChartExporter(Runnable::run).export(Map.of("charts-with-detection", dashboard.view().charts()),
                folder)).get(30, TimeUnit.SECONDS);
        assertThat(Files.size(folder.resolve("charts-with-detection.png"))).isGreaterThan(5_000);
    }

    @Test
    void detectionsAMomentApartHaveLabelsThatDoNotCoverEachOther() throws Exception {
        open(1);
        io.fair_acc.chartfx.XYChart rtt = fx(() -> dashboard.view().charts().charts().get(0));
        // Inside the plotted time range, which starts with the first sample: a marker outside it is not drawn.
        await().atMost(DashboardFixture.PATIENCE)
                .until(() -> fx(() -> rtt.getXAxis().getMax() - rtt.getXAxis().getMin() > 1.5));
        long at = lab.now() - 1_000_000_000L;
        // The client's heartbeat and the server's sweep, 0.1 s apart, as in a cable pull.
        lab.detections.add(new Detection(at, Side.CLIENT, "app-heartbeat-1", "app-heartbeat-1:1", Cause.APP_HEARTBEAT,
                0, at - 1_000_000_000L, Prediction.point(at), null, "3 misses"));
        lab.detections.add(new Detection(at + 100_000_000L, Side.SERVER, "app-heartbeat-1", "peer@1",
                Cause.SERVER_SWEEP, 0, at - 1_000_000_000L, Prediction.point(at + 100_000_000L), null, "3 sweeps"));
        await().atMost(DashboardFixture.PATIENCE).until(() -> fx(() -> labels(rtt).size() == 2
                && labels(rtt).stream().allMatch(b -> b.getWidth() > 0)));

        java.util.List<javafx.geometry.Bounds> labels = fx(() -> labels(rtt));
        assertThat(labels.get(0).intersects(labels.get(1))).as("labels at %s", labels).isFalse();
    }

    @Test
    void aFaultStillOnGrowsItsShadingWithoutItsMarkersBeingMadeAgain() throws Exception {
        open(1);
        // A view of its own: the dashboard's ticks would replace these markers with the lab's.
        ChartsView charts = fx(() -> {
            ChartsView view = new ChartsView();
            Stage stage = new Stage();
            stage.setScene(new javafx.scene.Scene(view, 800, 500));
            stage.show();
            return view;
        });
        io.fair_acc.chartfx.XYChart rtt = fx(() -> charts.charts().get(0));
        ChartMarker detection = ChartMarker.detection(1.5, Side.CLIENT, "client: app-heartbeat", "app-heartbeat-1");
        java.util.List<javafx.scene.Node> first = fx(() -> {
            charts.showMarkers(java.util.List.of(ChartMarker.fault(1, 2, "fault-1 cable-pull"), detection));
            return ChartsView.markerNodes(rtt);
        });
        java.util.List<javafx.scene.Node> later = fx(() -> {
            charts.showMarkers(java.util.List.of(ChartMarker.fault(1, 2.5, "fault-1 cable-pull"), detection));
            return ChartsView.markerNodes(rtt);
        });

        assertThat(later).hasSize(5).containsExactlyElementsOf(first);
        fx(() -> {
            charts.showMarkers(java.util.List.of());
            return null;
        });
        assertThat(fx(() -> ChartsView.markerNodes(rtt))).isEmpty();
        assertThat(fx(() -> rtt.lookupAll(".marker-label").stream().filter(first::contains).toList())).isEmpty();
    }

    private static javafx.geometry.Bounds bounds(javafx.scene.Node node) {
        return node.localToScene(node.getLayoutBounds());
    }

    /** The dashboard on the fake lab with that many app-heartbeat clients, all selected. */
    private void open(int clients) throws Exception {
        d.open(ProfileKind.APP_HEARTBEAT, clients);
        dashboard = d.dashboard;
        d.select(new java.util.ArrayList<>(lab.clients.keySet()));
    }

    private static java.util.List<javafx.geometry.Bounds> labels(io.fair_acc.chartfx.XYChart chart) {
        return ChartsView.markerLabels(chart).stream().map(n -> n.localToScene(n.getBoundsInLocal())).toList();
    }
}
