package lab.heartbeat.ui.race;

import static lab.heartbeat.ui.race.TimelineLanesTest.end;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import javafx.scene.shape.Shape;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import lab.heartbeat.ui.common.Theme;
import lab.heartbeat.ui.lab.RaceSnapshot;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A mark's label stays in its own lane, over no other text and no mark, however narrow the timeline. */
class TimelineLabelsUiTest {

    /** The four-client cable pull of the README's screenshot: the sweep's ends near the axis's end. */
    static RaceSnapshot cablePull() {
        List<RaceSnapshot.Entry> entries = List.of(
                end("app-heartbeat-1", "client", "app-heartbeat", 1193.6, 1176, 1176, 1176),
                end("app-heartbeat-1", "server", "peer-closed", 1206.7, Double.NaN, Double.NaN, Double.NaN),
                end("user-timeout-1", "server", "server-sweep", 1975.7, 1969.1, 1969.1, 1969.1),
                end("beacon-1", "server", "server-sweep", 1980.3, 1969.1, 1969.1, 1969.1),
                end("user-timeout-1", "client", "reset", 1982.2, Double.NaN, Double.NaN, Double.NaN),
                end("beacon-1", "client", "reset", 1983.4, Double.NaN, Double.NaN, Double.NaN));
        return new RaceSnapshot(RaceSnapshot.LIVE, 1, "cable-pull", "proxy",
                List.of("app-heartbeat-1", "beacon-1", "os-keepalive-1", "user-timeout-1"), 5.22, Double.NaN,
                entries, Map.of(), List.of(), List.of());
    }

    @Test
    void noMarkLabelCrossesALaneRuleOrCoversAnotherTextOrMarkAtAnyWidth() throws Exception {
        FxToolkit.registerPrimaryStage();
        for (double width : new double[] {340, 380, 420, 460, 500, 540, 600}) {
            List<String> faults = fx(() -> faults(width));
            assertThat(faults).as("at %.0f px", width).isEmpty();
        }
    }

    @Test
    void aLabelLosesItsBracketedErrorFirstThenALetterAtATime() {
        assertThat(TimelineText.shortenings("server-sweep 1,980 ms (+11)"))
                .startsWith("server-sweep 1,980 ms (+11)", "server-sweep 1,980 ms", "server-sweep 1,980 m…")
                .endsWith("s…");
    }

    private static List<String> faults(double width) {
        RaceTimeline timeline = new RaceTimeline();
        Stage stage = new Stage();
        Scene scene = new Scene(timeline, width, 500);
        scene.getStylesheets().add(Theme.LIGHT.stylesheet());
        stage.setScene(scene);
        stage.show();
        try {
            timeline.show(cablePull());
            timeline.applyCss();
            timeline.layout();
            timeline.redrawNow();
            Pane plot = (Pane) timeline.getChildren().get(0);
            List<Node> nodes = plot.getChildren();
            List<Text> labels = nodes.stream().filter(n -> n.getStyleClass().contains("timeline-mark-label"))
                    .map(Text.class::cast).filter(t -> !t.getText().isEmpty()).toList();
            assertThat(labels).isNotEmpty();
            for (Text label : labels) {
                if (label.getText().endsWith("…") || !label.getText().endsWith(")")) {
                    Object tip = label.getProperties().get("javafx.scene.control.Tooltip");
                    assertThat(tip == null ? label.getText() : ((Tooltip) tip).getText())
                            .as("a shortened label's tooltip").startsWith(label.getText().replace("…", ""));
                }
            }
            return labels.stream().flatMap(label -> nodes.stream()
                    .filter(other -> other != label && covers(label, other))
                    .map(other -> "'" + label.getText() + "' over " + describe(other))).toList();
        } finally {
            stage.close();
        }
    }

    /** Whether a label's box meets a rule between lanes, another text, or a mark. */
    private static boolean covers(Text label, Node other) {
        boolean rule = other.getStyleClass().contains("timeline-rule");
        boolean text = other instanceof Text t && !t.getText().isEmpty();
        boolean mark = other instanceof Shape && !(other instanceof Text) && !(other instanceof Line)
                && !other.getStyleClass().contains("timeline-fault") && !other.getStyleClass().contains("timeline-hit");
        if (!rule && !text && !mark) {
            return false;
        }
        Bounds a = label.getBoundsInParent();
        Bounds b = other.getBoundsInParent();
        // Shapes' bounds carry half their stroke: a hair's overlap is touching, not covering.
        return a.getMinX() < b.getMaxX() - 0.5 && b.getMinX() + 0.5 < a.getMaxX()
                && a.getMinY() < b.getMaxY() - 0.5 && b.getMinY() + 0.5 < a.getMaxY();
    }

    private static String describe(Node n) {
        return n instanceof Text t ? "'" + t.getText() + "'" : n.getClass().getSimpleName() + n.getStyleClass();
    }

    static <T> T fx(java.util.concurrent.Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }
}
