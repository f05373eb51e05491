package lab.heartbeat.ui;

import static lab.heartbeat.ui.DashboardFixture.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.AbstractAxis;
import io.fair_acc.chartfx.axes.spi.TickMark;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import lab.heartbeat.detect.Cause;
import lab.heartbeat.detect.Prediction;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.detect.Side;
import lab.heartbeat.detect.ProfileKind;
import lab.heartbeat.telemetry.Detection;
import lab.heartbeat.transport.ClientState;
import lab.heartbeat.ui.charts.ChartsView;
import lab.heartbeat.ui.common.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The charts from one client to a whole lab, on a lab whose clients and detections the test makes. */
class ChartsUiTest {
    private final FakeDashboard d = new FakeDashboard();
    private final FakeLab lab = d.lab;

    @AfterEach
    void close() throws Exception {
        d.close();
    }

    @Test
    void withNothingSelectedTwoHundredClientsAreOneAggregateViewWithAStateLegendAndAStormShows() throws Exception {
        open(ProfileKind.APP_HEARTBEAT, 200);
        ChartsView charts = charts();
        await().atMost(DashboardFixture.PATIENCE).until(() -> fx(() -> charts.isAggregate()
                && charts.charts().get(0).getDatasets().get(0).getDataCount() > 5));
        // A storm: a server restart's ends on every client, the clients in backoff and connecting, then back.
        long at = lab.now();
        List<String> names = new ArrayList<>(lab.clients.keySet());
        for (int i = 0; i < names.size(); i++) {
            lab.states.put(names.get(i), i % 3 == 0 ? ClientState.CONNECTING : ClientState.BACKOFF);
            lab.detections.add(new Detection(at, Side.CLIENT, names.get(i), names.get(i) + ":1",
                    Cause.PEER_CLOSED, 0, at, Prediction.NONE, null, "peer closed"));
        }
        await().atMost(DashboardFixture.PATIENCE).until(() -> fx(() -> maxY(charts.charts().get(1), 0) >= 100));
        for (String name : names) {
            lab.states.remove(name);
            lab.connections.put(name, 2L);
        }
        await().atMost(DashboardFixture.PATIENCE).until(() -> fx(() -> maxY(charts.charts().get(1), 1) >= 100
                && lastY(charts.charts().get(0), 0) == 200));

        assertThat(fx(charts::legendEntries))
                .containsExactly("up", "connecting", "backoff", "down", "stopped", "detections/s", "reconnections/s");
        assertThat(fx(() -> charts.charts().stream().map(XYChart::getId).toList()))
                .containsExactly("chart-states", "chart-rates");
        assertNoChartFxLegendAndAlignedPlots(charts);
        assertThat(fx(() -> swatchColours(charts))).as("one colour per legend entry").doesNotHaveDuplicates().hasSize(7);
        assertThat(Files.size(DashboardFixture.screenshotOf("charts-200-clients-storm", charts))).isGreaterThan(10_000);
        fx(() -> {
            d.dashboard.model().charts().pausedProperty().set(true);
            d.dashboard.model().themeProperty().set(Theme.DARK);
            return null;
        });
        // Paused, nothing but the theme switch repaints the axes: their labels must turn light.
        await().atMost(DashboardFixture.PATIENCE).until(() -> fx(() -> lightPixels(charts.charts().get(0).getYAxis()) > 50));
        assertThat(fx(() -> swatchColours(charts))).as("one colour per legend entry").doesNotHaveDuplicates().hasSize(7);
        assertThat(Files.size(DashboardFixture.screenshotOf("charts-200-clients-storm-dark", charts)))
                .isGreaterThan(10_000);
    }

    @Test
    void aSelectionOfTenChartsEightAndSaysSo() throws Exception {
        open(ProfileKind.APP_HEARTBEAT, 10);
        select(new ArrayList<>(lab.clients.keySet()));
        ChartsView charts = charts();
        await().atMost(DashboardFixture.PATIENCE).until(() -> fx(() -> !charts.isAggregate()));
        assertThat(fx(charts::note)).isEqualTo("8 of 10 selected clients shown (at most 8 at once)");
        assertThat(fx(charts::legendEntries)).hasSize(8).startsWith("app-heartbeat-1");
        assertThat(fx(() -> charts.rttSets().size())).isEqualTo(8);
        assertNoChartFxLegendAndAlignedPlots(charts);
    }

    @Test
    void theMissesAxisTicksAtWholeNumbersAndAxesNameTheirUnits() throws Exception {
        open(ProfileKind.APP_HEARTBEAT, 1);
        select(List.of("app-heartbeat-1"));
        ChartsView charts = charts();
        await().atMost(DashboardFixture.PATIENCE).until(() -> fx(() -> !charts.isAggregate()
                && charts.rttSets().get(0).getDataCount() > 5 && !missesAxis(charts).getTickMarks().isEmpty()));
        List<String> ticks = fx(() -> missesAxis(charts).getTickMarks().stream().filter(TickMark::isVisible)
                .map(TickMark::getText).toList());
        assertThat(ticks).isNotEmpty().allSatisfy(t -> assertThat(t).matches("\\d[\\d,]*"));
        List<String> axisNames = fx(() -> charts.charts().stream().flatMap(c -> c.getAxes().stream())
                .map(a -> ((AbstractAxis) a).getAxisLabel().getText()).toList());
        assertThat(axisNames).contains("RTT [ms]", "frames", "misses", "segments", "time [s]")
                .noneMatch(n -> n.contains("[]"));
    }

    @Test
    void markerLabelsNeitherOverlapNorLeaveThePlot() throws Exception {
        open(ProfileKind.APP_HEARTBEAT, 2);
        select(List.of("app-heartbeat-1", "app-heartbeat-2"));
        ChartsView charts = charts();
        XYChart rtt = fx(() -> charts.charts().get(0));
        await().atMost(DashboardFixture.PATIENCE)
                .until(() -> fx(() -> rtt.getXAxis().getMax() - rtt.getXAxis().getMin() > 2));
        long now = lab.now();
        // Both sides of both clients within a second, the last one at the right edge of the plot.
        for (int i = 0; i < 6; i++) {
            String client = "app-heartbeat-" + (i % 2 + 1);
            boolean server = i >= 3;
            long at = now - 1_000_000_000L + i * 150_000_000L;
            lab.detections.add(new Detection(at, server ? Side.SERVER : Side.CLIENT,
                    client, client + ":1", server ? Cause.SERVER_SWEEP : Cause.APP_HEARTBEAT, 0, at - 1_000_000_000L,
                    Prediction.point(at), null, server ? "3 sweeps" : "3 misses"));
        }
        // Six labels a few pixels apart: as many as there are free rows show, the others are left out.
        await().atMost(DashboardFixture.PATIENCE).until(() -> fx(() -> charts.markers().size() == 6
                && ChartsView.markerLabels(rtt).size() >= 2));

        List<Bounds> labels = fx(() -> ChartsView.markerLabels(rtt).stream()
                .map(l -> l.localToScene(l.getBoundsInLocal())).toList());
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                assertThat(labels.get(i).intersects(labels.get(j))).as("%s and %s", labels.get(i), labels.get(j))
                        .isFalse();
            }
        }
        Bounds plot = fx(() -> rtt.getCanvas().localToScene(rtt.getCanvas().getBoundsInLocal()));
        assertThat(labels).allSatisfy(b -> assertThat(b.getMaxX()).isLessThanOrEqualTo(plot.getMaxX() + 0.5));
        List<String> texts = fx(() -> ChartsView.markerLabels(rtt).stream().map(Label::getText).toList());
        assertThat(texts).allMatch(t -> t.endsWith("client: app-heartbeat") || t.endsWith("server: server-sweep"));
        // A label left out for want of room keeps its line, whose tooltip tells it.
        assertThat(fx(() -> ChartsView.markerNodes(rtt).stream().filter(n -> n.getStyleClass().contains("marker-pick"))
                .filter(javafx.scene.Node::isVisible).count())).isEqualTo(6);
    }

    @Test
    void anEmptyChartSaysWhy() throws Exception {
        open(ProfileKind.BEACON, 1);
        select(List.of("beacon-1"));
        ChartsView charts = charts();
        await().atMost(DashboardFixture.PATIENCE).until(() -> fx(() -> !charts.isAggregate()));
        assertThat(fx(() -> ChartsView.emptyNote(charts.charts().get(0))))
                .isEqualTo("beacon clients get no acks, so no RTT");
        assertThat(fx(() -> ChartsView.emptyNote(charts.charts().get(1)))).isNull();
    }

    @Test
    void aPhiAccrualClientGetsPhiOverTimeWithItsThresholdLine() throws Exception {
        Profile profile = open(ProfileKind.PHI_ACCRUAL, 1);
        select(List.of("phi-accrual-1"));
        ChartsView charts = charts();
        await().atMost(DashboardFixture.PATIENCE).until(() -> fx(() -> charts.byName().containsKey("chart-phi")
                && charts.byName().get("chart-phi").getDatasets().get(0).getDataCount() > 3));
        XYChart phi = fx(() -> charts.byName().get("chart-phi"));
        assertThat(fx(() -> phi.getPlugins().stream()
                .filter(p -> p instanceof io.fair_acc.chartfx.plugins.YValueIndicator)
                .map(p -> ((io.fair_acc.chartfx.plugins.YValueIndicator) p).getValue()).toList()))
                .containsExactly(profile.phi().threshold());
        double value = fx(() -> phi.getDatasets().get(0).get(io.fair_acc.dataset.DataSet.DIM_Y, 0));
        assertThat(value).isFinite().isPositive();
    }

    /** Once laid out: no ChartFX legend beside any plot, and every plot area spans the same pixels. */
    private static void assertNoChartFxLegendAndAlignedPlots(ChartsView charts) throws Exception {
        assertThat(fx(() -> charts.charts().stream().noneMatch(c -> c.getLegend().getNode().isVisible()))).isTrue();
        await().atMost(DashboardFixture.PATIENCE).untilAsserted(() -> {
            List<Bounds> plots = fx(() -> plots(charts));
            for (Bounds b : plots) {
                assertThat(b.getMinX()).as("plots %s", plots).isEqualTo(plots.get(0).getMinX());
                assertThat(b.getMaxX()).as("plots %s", plots).isEqualTo(plots.get(0).getMaxX());
                assertThat(b.getWidth()).isGreaterThan(200);
            }
            assertEachChartStaysInItsBox(charts);
        });
    }

    /**
     * Each chart's title, plot and time axis lie inside the chart's own box, and the boxes follow one
     * another: nothing of one chart is drawn over the next (ChartFX's hidden legend once pushed the
     * content of a chart of a few clients out of its box, over the next chart's title).
     */
    private static void assertEachChartStaysInItsBox(ChartsView charts) throws Exception {
        List<List<Bounds>> boxes = fx(() -> charts.charts().stream().map(c -> List.of(
                c.localToScene(c.getBoundsInLocal()),
                c.getTitleLabel().localToScene(c.getTitleLabel().getBoundsInLocal()),
                c.getCanvas().localToScene(c.getCanvas().getBoundsInLocal()),
                ((javafx.scene.Node) c.getXAxis()).localToScene(((javafx.scene.Node) c.getXAxis()).getBoundsInLocal())))
                .toList());
        double previousBottom = Double.NEGATIVE_INFINITY;
        for (List<Bounds> chart : boxes) {
            Bounds box = chart.get(0);
            assertThat(box.getMinY()).as("charts overlap: %s", boxes).isGreaterThanOrEqualTo(previousBottom - 0.5);
            for (Bounds part : chart.subList(1, chart.size())) {
                assertThat(part.getHeight()).as("an empty title, plot or axis: %s", chart).isPositive();
                assertThat(part.getMinY()).as("above its chart: %s", chart).isGreaterThanOrEqualTo(box.getMinY() - 0.5);
                assertThat(part.getMaxY()).as("below its chart: %s", chart).isLessThanOrEqualTo(box.getMaxY() + 0.5);
            }
            previousBottom = box.getMaxY();
        }
    }

    private static List<Bounds> plots(ChartsView charts) {
        return charts.charts().stream().map(c -> c.getCanvas().localToScene(c.getCanvas().getBoundsInLocal())).toList();
    }

    private static AbstractAxis missesAxis(ChartsView charts) {
        XYChart counters = charts.byName().get("chart-heartbeats");
        return (AbstractAxis) counters.getAxes().stream().filter(a -> a.getSide() == io.fair_acc.chartfx.ui.geometry.Side.RIGHT).findFirst().orElseThrow();
    }

    /** The colours of the legend's swatches, in order. */
    private static List<javafx.scene.paint.Paint> swatchColours(ChartsView charts) {
        return charts.lookupAll(".legend-swatch").stream()
                .map(n -> ((javafx.scene.shape.Shape) n).getFill()).toList();
    }

    /** How many pixels of a node are light (labels on the dark theme's background). */
    private static int lightPixels(Object node) {
        javafx.scene.SnapshotParameters transparent = new javafx.scene.SnapshotParameters();
        transparent.setFill(javafx.scene.paint.Color.TRANSPARENT);
        javafx.scene.image.Image image = ((javafx.scene.Node) node).snapshot(transparent, null);
        javafx.scene.image.PixelReader pixels = image.getPixelReader();
        int light = 0;
        for (int y = 0; y < (int) image.getHeight(); y++) {
            for (int x = 0; x < (int) image.getWidth(); x++) {
                javafx.scene.paint.Color c = pixels.getColor(x, y);
                light += c.getOpacity() > 0.5 && c.getBrightness() > 0.6 ? 1 : 0;
            }
        }
        return light;
    }

    private static double maxY(XYChart chart, int set) {
        io.fair_acc.dataset.DataSet d = chart.getDatasets().get(set);
        double max = 0;
        for (int i = 0; i < d.getDataCount(); i++) {
            max = Math.max(max, d.get(io.fair_acc.dataset.DataSet.DIM_Y, i));
        }
        return max;
    }

    private static double lastY(XYChart chart, int set) {
        io.fair_acc.dataset.DataSet d = chart.getDatasets().get(set);
        return d.getDataCount() == 0 ? Double.NaN : d.get(io.fair_acc.dataset.DataSet.DIM_Y, d.getDataCount() - 1);
    }

    private ChartsView charts() throws Exception {
        return d.charts();
    }

    private void select(List<String> clients) throws Exception {
        d.select(clients);
    }

    private Profile open(ProfileKind kind, int clients) throws Exception {
        return d.open(kind, clients);
    }
}
