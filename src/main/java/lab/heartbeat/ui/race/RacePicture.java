package lab.heartbeat.ui.race;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import lab.heartbeat.ui.lab.RaceSnapshot;

/**
 * One race laid out whole for a picture (an exported {@code race-<fault id>.png}): its heading,
 * its timeline and beside it the table of all its ends, with no scroll position and nothing cut.
 */
public final class RacePicture {
    private static final double TIMELINE_PX = 820;
    /** About a table of ends as wide as its words: where the heading above both wraps. */
    private static final double TABLE_PX = 600;

    private RacePicture() {
    }

    /**
     * The race in a scene of its own with these stylesheets, styled and laid out: ready for a
     * snapshot. Call on the FX thread.
     */
    public static Parent of(RaceSnapshot race, List<String> stylesheets) {
        Label heading = new Label(RacePanel.summary(race));
        heading.setWrapText(true);
        heading.getStyleClass().add("race-picture-heading");
        heading.setMaxWidth(TIMELINE_PX + TABLE_PX);
        RaceTimeline timeline = new RaceTimeline();
        timeline.setPrefWidth(TIMELINE_PX);
        timeline.setMinWidth(TIMELINE_PX);
        TableView<RaceSnapshot.Entry> table = RaceTable.make();
        RaceTable.show(table, race);
        RaceTable.fit(table, race.entries().size());
        // As wide as its columns' whole words: a picture has no scroll bar to reach the rest.
        table.setMinWidth(Region.USE_PREF_SIZE);
        table.setMaxHeight(Region.USE_PREF_SIZE);
        HBox sides = new HBox(12, timeline, table);
        HBox.setHgrow(timeline, Priority.NEVER);
        VBox root = new VBox(8, heading, sides);
        root.setPadding(new Insets(10));
        root.getStyleClass().addAll("race-panel", "dashboard");
        Scene scene = new Scene(root);
        scene.getStylesheets().setAll(stylesheets);
        timeline.show(race);
        root.applyCss();
        root.layout();
        timeline.redrawNow();
        root.applyCss();
        root.layout();
        return root;
    }
}
