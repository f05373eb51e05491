package lab.heartbeat.ui.race;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import lab.heartbeat.ui.lab.RaceSnapshot;

/**
 * The race of one fault: its timeline, the table of its ends, and the paragraphs that explain the
 * mechanisms in it. It follows the latest fault until the user picks another in the list; then it
 * says so and offers the way back.
 */
public final class RacePanel extends BorderPane {
    private final RacesViewModel model;
    private final ComboBox<RaceSnapshot> list = new ComboBox<>();
    private final Label pinned = new Label();
    private final Button latest = new Button("Follow latest");
    private final Label summary = new Label();
    private final RaceTimeline timeline = new RaceTimeline();
    private final TableView<RaceSnapshot.Entry> table = RaceTable.make();
    private final VBox explanations = new VBox(8);
    private List<Explanations.Paragraph> explained = List.of();
    private RaceSnapshot shown;

    public RacePanel(RacesViewModel model) {
        this.model = model;
        setId("race-panel");
        getStyleClass().add("race-panel");

        list.setId("race-list");
        list.setMaxWidth(Double.MAX_VALUE);
        list.setPromptText("no fault yet");
        list.setItems(model.races());
        list.setConverter(new StringConverter<>() {
            @Override
            public String toString(RaceSnapshot r) {
                return r == null ? "" : r.title();
            }

            @Override
            public RaceSnapshot fromString(String s) {
                throw new UnsupportedOperationException("chosen from the list only");
            }
        });
        // Only a choice the user made in the list counts: the combo also changes its value by itself
        // when the list is updated under it.
        list.setOnHidden(e -> {
            RaceSnapshot race = list.getValue();
            if (race != null && !race.equals(shown)) {
                model.chooseRace(race);
            } else if (shown != null && !shown.equals(race)) {
                list.setValue(shown);
            }
        });
        model.races().addListener((ListChangeListener<RaceSnapshot>) c -> {
            if (!Objects.equals(list.getValue(), shown)) {
                list.setValue(shown);
            }
        });
        pinned.setId("race-pinned");
        pinned.getStyleClass().add("race-pinned");
        latest.setId("race-follow-latest");
        latest.setOnAction(e -> model.followLatest());
        latest.visibleProperty().bind(model.pinnedProperty());
        pinned.textProperty().bind(Bindings.createStringBinding(() -> model.pinnedProperty().get()
                && model.shownRaceProperty().get() != null ? "Pinned to " + model.shownRaceProperty().get().name()
                        + ": newer faults do not show here." : "", model.pinnedProperty(), model.shownRaceProperty()));
        HBox.setHgrow(list, Priority.ALWAYS);
        HBox pin = new HBox(8, pinned, latest);
        pin.setAlignment(Pos.CENTER_LEFT);
        pin.managedProperty().bind(pin.visibleProperty());
        pin.visibleProperty().bind(latest.visibleProperty());
        VBox top = new VBox(4, list, pin);
        top.setPadding(new Insets(6, 6, 2, 6));
        setTop(top);

        summary.setId("race-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        explanations.setId("race-explanations");
        VBox body = new VBox(8, summary, timeline, table, explanations);
        body.setPadding(new Insets(4, 6, 6, 6));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        setCenter(scroll);

        model.shownRaceProperty().addListener((o, old, race) -> show(race));
        show(model.shownRaceProperty().get());
    }

    private void show(RaceSnapshot race) {
        shown = race;
        list.setValue(race);
        summary.setText(race == null ? "No fault yet: select clients and pull a cable (P), or run a scenario."
                : summary(race));
        timeline.show(race);
        RaceTable.show(table, race);
        List<Explanations.Paragraph> paragraphs = Explanations.forRace(race);
        if (!paragraphs.equals(explained)) {
            explained = paragraphs;
            explanations.getChildren().setAll(Explanations.labels(paragraphs));
        }
    }

    static String summary(RaceSnapshot race) {
        return race.name() + ": " + race.kind() + " by " + race.backend() + " on " + targets(race.targets())
                + String.format(Locale.ROOT, ", t0 = %.2f s", race.t0Seconds())
                + (race.active() ? ", still on" : String.format(Locale.ROOT, ", cleared at %.2f s", race.clearedSeconds()))
                + "; " + race.detections().size() + " detection(s), " + race.entries().size() + " end(s)";
    }

    /** The targets' names, the first few of a large fault only: a thousand names would make a page of label. */
    public static String targets(List<String> targets) {
        int first = 6;
        if (targets.size() <= first + 1) {
            return String.join(", ", targets);
        }
        return String.join(", ", targets.subList(0, first)) + " and " + (targets.size() - first) + " more";
    }

    /** The entries shown now, for tests. */
    public List<RaceSnapshot.Entry> entries() {
        return List.copyOf(table.getItems());
    }

    public RaceTimeline timeline() {
        return timeline;
    }
}
