package lab.heartbeat.ui.attach;

import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import java.util.function.Supplier;

/**
 * The Lab menu: "Attach to lab…" opens a dialog that asks for the other lab's control API
 * ({@code host:port}) and token, and one "Detach" item per attached lab. It only binds.
 */
public final class AttachControls {
    private final AttachViewModel model;
    private final Supplier<Window> owner;
    private final Menu menu = new Menu("Lab");
    private final MenuItem attach = new MenuItem("Attach to lab…");

    public AttachControls(AttachViewModel model, Supplier<Window> owner) {
        this.model = model;
        this.owner = owner;
        menu.setId("menu-lab");
        attach.setId("lab-attach");
        attach.setOnAction(e -> dialog().show());
        menu.getItems().setAll(attach);
        model.attached().addListener((ListChangeListener<String>) c -> showDetachItems());
    }

    public Menu menu() {
        return menu;
    }

    private void showDetachItems() {
        menu.getItems().setAll(attach);
        if (!model.attached().isEmpty()) {
            menu.getItems().add(new SeparatorMenuItem());
        }
        for (String name : model.attached()) {
            MenuItem detach = new MenuItem("Detach " + name);
            detach.setId("lab-detach-" + name.replaceAll("[^A-Za-z0-9]", "-"));
            detach.setOnAction(e -> model.detach(name));
            menu.getItems().add(detach);
        }
    }

    /** The dialog; OK attaches and closes it only once the lab is attached, else shows why not. */
    Dialog<ButtonType> dialog() {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Attach to lab");
        dialog.setHeaderText("Another lab's control API: heartbeat-lab run … --control PORT");
        dialog.initOwner(owner.get());
        TextField address = new TextField();
        address.setId("attach-address");
        address.setPromptText("host:port, e.g. 127.0.0.1:7070");
        address.setPrefColumnCount(22);
        address.textProperty().bindBidirectional(model.addressProperty());
        PasswordField token = new PasswordField();
        token.setId("attach-token");
        token.setPromptText("only if the lab has one");
        token.textProperty().bindBidirectional(model.tokenProperty());
        Label error = new Label();
        error.setId("attach-error");
        error.getStyleClass().add("attach-error");
        error.setWrapText(true);
        error.setMaxWidth(420);
        error.textProperty().bind(model.errorProperty());
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.setPadding(new Insets(12));
        form.addRow(0, new Label("address"), address);
        form.addRow(1, new Label("token"), token);
        form.add(error, 0, 2, 2, 1);
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("attach-ok");
        ((Button) ok).disableProperty().bind(model.canAttachProperty().not());
        // The dialog stays open while the lab is reached, and with the reason when it cannot be.
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            model.attach(() -> {
                dialog.setResult(ButtonType.OK);
                dialog.close();
            });
        });
        dialog.setOnShown(e -> address.requestFocus());
        return dialog;
    }
}
