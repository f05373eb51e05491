package lab.heartbeat.ui.race;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.animation.PauseTransition;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.util.Duration;
import lab.heartbeat.ui.lab.RaceSnapshot;

/**
 * The race at a glance: one lane per end the fault hit (or per group of ends in a large race), on
 * one time axis from t0; the fault's span shaded, a filled mark where each end came, a hollow mark
 * or a band for theory, a triangle when the client was connected again. JavaFX shapes in a pane,
 * rebuilt only when the race or the width changes, at most about three times a second.
 */
public final class RaceTimeline extends VBox {
    private static final double LANE_PX = 30;
    private static final double SUMMARY_LANE_PX = 48;
    private static final double TOP_PX = 26;
    private static final double AXIS_PX = 46;
    private static final double RIGHT_PX = 14;
    private static final Font LANE_FONT = Font.font("DejaVu Sans", 13);
    private static final Font LANE_FONT_FIRST = Font.font("DejaVu Sans", FontWeight.BOLD, 13);
    private static final Font MARK_FONT = Font.font("DejaVu Sans", 12);
    private static final Duration REDRAW_EVERY = Duration.millis(340);

    static final Color FAULT = Color.rgb(70, 130, 200, 0.16);

    private final Pane plot = new Pane();
    private final Set<String> open = new HashSet<>();
    private final PauseTransition calm = new PauseTransition(REDRAW_EVERY);
    private RaceSnapshot race;
    private RaceSnapshot drawn;
    private double drawnWidth = -1;

    public RaceTimeline() {
        setId("race-timeline");
        getStyleClass().add("race-timeline");
        plot.getStyleClass().add("timeline-plot");
        plot.setMinHeight(Region.USE_PREF_SIZE);
        plot.setPrefWidth(440);
        getChildren().addAll(plot, TimelineLegend.make());
        calm.setOnFinished(e -> {
            if (race != drawn) {
                redraw();
            }
        });
        plot.widthProperty().addListener((o, old, w) -> {
            if (Math.abs(w.doubleValue() - drawnWidth) > 0.5) {
                redraw();
            }
        });
    }

    /** Shows this race (null: none); redraws now, or once the last redraw is a third of a second old. */
    public void show(RaceSnapshot newRace) {
        if (newRace == null || race == null || !newRace.key().equals(race.key())) {
            open.clear();
        }
        race = newRace;
        if (race == drawn || calm.getStatus() == javafx.animation.Animation.Status.RUNNING) {
            return;
        }
        redraw();
    }

    /** Draws the race shown now, whatever the pace: for a picture taken at once. */
    public void redrawNow() {
        redraw();
    }

    private void redraw() {
        drawn = race;
        drawnWidth = plot.getWidth();
        calm.playFromStart();
        List<Node> nodes = new ArrayList<>();
        if (race == null || race.entries().isEmpty() && race.reconnections().isEmpty()) {
            Text empty = TimelineText.text(race == null ? "No fault yet."
                    : "No end yet: every connection the fault hit is still open.",
                    MARK_FONT, "timeline-muted");
            empty.setX(8);
            empty.setY(20);
            nodes.add(empty);
            plot.setPrefHeight(40);
            plot.getChildren().setAll(nodes);
            return;
        }
        List<TimelineLanes.Lane> lanes = TimelineLanes.of(race, open);
        double labels = Math.min(200, Math.max(96, lanes.stream()
                .mapToDouble(l -> TimelineText.width("★ " + l.label(), LANE_FONT_FIRST)).max().orElse(0) + 12));
        double width = Math.max(plot.getWidth() > 0 ? plot.getWidth() : plot.getPrefWidth(), labels + 160);
        double bottom = TOP_PX + lanes.stream().mapToDouble(RaceTimeline::height).sum();
        double limit = width - RIGHT_PX;
        TimeScale scale = scale(lanes, labels, limit);
        shadeFault(nodes, scale, bottom);
        nodes.addAll(TimelineAxis.draw(scale, bottom, AXIS_PX));
        double top = TOP_PX;
        for (int i = 0; i < lanes.size(); i++) {
            drawLane(nodes, lanes.get(i), i == 0, scale, top, labels, limit);
            top += height(lanes.get(i));
        }
        plot.setPrefHeight(bottom + AXIS_PX);
        plot.getChildren().setAll(nodes);
        if (plot.getScene() != null) {
            // A redraw for a new width comes during layout, after this pulse's styling.
            plot.applyCss();
        }
    }

    /**
     * The axis, narrowed when a lane's label would fit neither right nor left of its marks: the
     * labels of the last ends then run past the axis's end into the margin, as a reader expects.
     */
    private TimeScale scale(List<TimelineLanes.Lane> lanes, double labels, double limit) {
        double endsMs = TimelineLanes.endsMs(lanes);
        double right = limit;
        TimeScale scale = TimeScale.of(endsMs, backFrom(), backTo(lanes), labels, right);
        // The marks move left as the axis narrows, so a few rounds find the width.
        for (int round = 0; round < 4; round++) {
            double need = overflow(lanes, scale, labels, limit);
            if (need <= 0) {
                break;
            }
            right = Math.max(labels + 0.55 * (limit - labels), right - need);
            scale = TimeScale.of(endsMs, backFrom(), backTo(lanes), labels, right);
        }
        return scale;
    }

    /** How far past the edge the widest label that fits nowhere beside its marks would run. */
    private static double overflow(List<TimelineLanes.Lane> lanes, TimeScale scale, double labels, double limit) {
        double need = 0;
        for (TimelineLanes.Lane lane : lanes) {
            double[] span = marks(new ArrayList<>(), lane, scale, 0, labels);
            if (span == null || lane.summary()) {
                continue;
            }
            double w = TimelineText.width(lane.markLabel(), MARK_FONT);
            double back = backX(lane, scale);
            if (Double.isNaN(TimelineText.labelX(span, back, w, labels, limit))) {
                need = Math.max(need, (Double.isNaN(back) ? span[1] : Math.max(back, span[1])) + 10 + w - limit);
            }
        }
        return need;
    }

    private static double backX(TimelineLanes.Lane lane, TimeScale scale) {
        return Double.isNaN(lane.recoveredMs()) ? Double.NaN : scale.x(lane.recoveredMs());
    }

    private static double height(TimelineLanes.Lane lane) {
        return lane.summary() ? SUMMARY_LANE_PX : LANE_PX;
    }

    private double backFrom() {
        double from = race.clearedMs();
        for (double ms : race.recoveries().values()) {
            from = Double.isNaN(from) ? ms : Math.min(from, ms);
        }
        return from;
    }

    private double backTo(List<TimelineLanes.Lane> lanes) {
        double to = Double.NaN;
        for (TimelineLanes.Lane l : lanes) {
            double ms = l.back() != null ? l.back().lastMs() : l.recoveredMs();
            if (!Double.isNaN(ms)) {
                to = Double.isNaN(to) ? ms : Math.max(to, ms);
            }
        }
        return to;
    }

    private void shadeFault(List<Node> nodes, TimeScale scale, double bottom) {
        double cleared = race.clearedMs();
        for (TimeScale.Segment s : scale.segments()) {
            double to = Double.isNaN(cleared) ? s.toMs() : Math.min(cleared, s.toMs());
            if (to > s.fromMs()) {
                Rectangle span = new Rectangle(s.fromX(), TOP_PX - 4, s.x(to) - s.fromX(), bottom - TOP_PX + 4);
                span.setFill(FAULT);
                span.getStyleClass().add("timeline-fault");
                nodes.add(span);
            }
        }
        String until = Double.isNaN(cleared) ? ", still on →"
                : String.format(Locale.ROOT, ", cleared %.1f s after t0", cleared / 1000);
        Text label = TimelineText.text(race.kind() + " (" + race.backend() + ")" + until, MARK_FONT, "timeline-muted");
        label.setX(scale.right() - TimelineText.width(label.getText(), MARK_FONT));
        label.setY(TOP_PX - 10);
        nodes.add(label);
    }

    private void drawLane(List<Node> nodes, TimelineLanes.Lane lane, boolean first, TimeScale scale, double top,
            double labels, double limit) {
        double height = height(lane);
        double y = top + (lane.summary() ? 15 : height / 2);
        Line rule = new Line(labels, top + height, limit, top + height);
        rule.getStyleClass().add("timeline-rule");
        nodes.add(rule);
        Text name = TimelineText.text((first ? "★ " : "") + lane.label(), first ? LANE_FONT_FIRST : LANE_FONT,
                "timeline-lane-label");
        name.setX(Math.max(2, labels - 8 - TimelineText.width(name.getText(), name.getFont())));
        name.setY(y);
        nodes.add(name);
        double[] span = marks(nodes, lane, scale, y, labels);
        if (span != null) {
            Text mark = TimelineText.text(lane.markLabel(), MARK_FONT,
                    lane.kind() == TimelineLanes.Kind.QUIET ? "timeline-muted" : "timeline-mark-label");
            TimelineText.place(mark, span, backX(lane, scale), labels, limit, y,
                    lane.summary() ? top + height - 10 : Double.NaN);
            nodes.add(mark);
        }
        if (lane.kind() == TimelineLanes.Kind.GROUP) {
            Rectangle hit = new Rectangle(0, top, limit, height);
            hit.setFill(Color.TRANSPARENT);
            hit.getStyleClass().add("timeline-hit");
            hit.setId("timeline-group-" + lane.group().key().replace(' ', '-'));
            hit.setCursor(Cursor.HAND);
            hit.setOnMouseClicked(e -> toggle(lane.group().key()));
            nodes.add(hit);
        }
    }

    /** Draws a lane's marks at height y; returns the end marks' left and right edge, or null for a lane without. */
    private static double[] marks(List<Node> nodes, TimelineLanes.Lane lane, TimeScale scale, double y,
            double labels) {
        double[] span = switch (lane.kind()) {
            case END, MEMBER -> TimelineMarks.end(nodes, lane.end(), scale, y);
            case GROUP -> TimelineMarks.range(nodes, lane.group().what(), lane.group().firstMs(),
                    lane.group().medianMs(), lane.group().lastMs(), scale, y, false);
            case RECONNECTION -> lane.back().back() == 0 ? new double[] {labels, labels}
                    : TimelineMarks.range(nodes, "back", lane.back().firstMs(), lane.back().medianMs(),
                            lane.back().lastMs(), scale, y, true);
            case QUIET -> new double[] {labels, labels};
            case MORE -> null;
        };
        if (span != null && !Double.isNaN(lane.recoveredMs())) {
            nodes.add(TimelineMarks.back(scale.x(lane.recoveredMs()), y));
        }
        return span;
    }

    private void toggle(String group) {
        if (!open.remove(group)) {
            open.add(group);
        }
        redraw();
    }

    /** The mark labels drawn now, top to bottom, whole: a shortened one's tooltip holds the rest. */
    public List<String> markLabels() {
        return plot.getChildren().stream().filter(n -> n.getStyleClass().contains("timeline-mark-label"))
                .map(n -> n.getUserData() instanceof String whole ? whole : ((Text) n).getText()).toList();
    }

    /** The lane names drawn now, top to bottom. */
    public List<String> laneLabels() {
        return texts("timeline-lane-label");
    }

    private List<String> texts(String style) {
        return plot.getChildren().stream().filter(n -> n.getStyleClass().contains(style))
                .map(n -> ((Text) n).getText()).toList();
    }
}
