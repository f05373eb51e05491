package lab.heartbeat.ui.status;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.VBox;
import lab.heartbeat.ui.lab.FaultStatus;
import lab.heartbeat.ui.lab.RaceSnapshot;
import org.controlsfx.control.StatusBar;

/**
 * The status bar (the last command's outcome; the shown lab, its clients, transport and fault
 * backend) and, under it, why that fault backend and what it cannot show.
 */
public final class StatusBarView extends VBox {

    /** @param scenarioStatus the scenario runner's line, or null for a dashboard without scenarios */
    public StatusBarView(StatusViewModel model, Node scenarioStatus) {
        StatusBar bar = new StatusBar();
        bar.setId("status-bar");
        bar.textProperty().bind(model.messageProperty());
        Label transport = new Label();
        transport.setId("status-transport");
        transport.textProperty().bind(Bindings.format("transport: %s  ·  port %d",
                model.transportProperty(), model.portProperty()));
        Label clients = new Label();
        clients.setId("status-clients");
        clients.textProperty().bind(Bindings.format("%d/%d up", model.clientsUpProperty(), model.clientCountProperty()));
        Label backend = new Label();
        backend.setId("status-fault-backend");
        backend.textProperty().bind(model.faultStatusProperty().map(FaultStatus::headline));
        Label shown = new Label();
        shown.setId("status-lab");
        shown.textProperty().bind(model.labNameProperty().map(n -> RaceSnapshot.LIVE.equals(n) ? "lab: dashboard" : "lab: run " + n));
        if (scenarioStatus != null) {
            bar.getRightItems().addAll(scenarioStatus, new Separator(Orientation.VERTICAL));
        }
        bar.getRightItems().addAll(shown, new Separator(Orientation.VERTICAL), clients,
                new Separator(Orientation.VERTICAL), transport, new Separator(Orientation.VERTICAL), backend);

        Label note = new Label();
        note.setId("status-fault-details");
        note.getStyleClass().add("fault-note");
        note.setWrapText(true);
        note.setPadding(new Insets(0, 8, 3, 8));
        note.textProperty().bind(model.faultStatusProperty().map(FaultStatus::details));
        getChildren().addAll(bar, note);
    }
}
