package lab.heartbeat.ui.parameters;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The side panel's editor: which profile new clients get and in which version, the engine's
 * message for a refused value, the parameter sheet and a word on when the server's sweep applies.
 */
public final class ProfileEditor extends VBox {

    public ProfileEditor(ParametersViewModel model) {
        super(6);
        ParameterSheet sheet = new ParameterSheet(model);
        VBox.setVgrow(sheet, Priority.ALWAYS);
        Label profile = new Label();
        profile.setId("editing-profile");
        profile.textProperty().bind(Bindings.createStringBinding(
                () -> model.addKindProperty().get().label() + "/" + model.addPresetProperty().get().name()
                        + "  v" + model.profileVersionProperty().get() + " for new clients",
                model.addKindProperty(), model.addPresetProperty(), model.profileVersionProperty()));
        Label validation = new Label();
        validation.setId("validation");
        validation.getStyleClass().add("validation");
        validation.setWrapText(true);
        validation.textProperty().bind(model.validationMessageProperty());
        validation.visibleProperty().bind(model.validationMessageProperty().isNotEmpty());
        validation.managedProperty().bind(validation.visibleProperty());
        Label sweepNote = new Label("Server sweep: applies to connections the server accepts from now on;"
                + " connections already open keep the sweep they started with.");
        sweepNote.setId("sweep-note");
        sweepNote.getStyleClass().add("editor-note");
        sweepNote.setWrapText(true);
        getChildren().addAll(profile, validation, sheet, sweepNote);
        setPadding(new Insets(6));
        setPrefWidth(320);
        setMaxHeight(Double.MAX_VALUE);
    }
}
