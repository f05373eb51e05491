package lab.heartbeat.ui.faults;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import lab.heartbeat.fault.FaultKind;

/**
 * The fault buttons and the table's context menu, both acting on the selected clients through
 * the view model. A fault the shown lab's backend cannot make is disabled, and its tooltip (on the
 * button and on a wrapper, since a disabled control gets no mouse events) says why.
 */
public final class FaultControls {
    /** One command, shown as a button and as a menu item. */
    private record Command(String id, String text, String shortcut, FaultKind kind, String help, Runnable action) {
    }

    private final FaultsViewModel model;
    private final Runnable showRace;
    private final List<Command> commands = new ArrayList<>();
    private final TextField down = new TextField("1s");
    private final TextField delay = new TextField("300ms");
    private final TextField jitter = new TextField("50ms");

    /** {@code showRace} brings the race panel to the front when a fault is made. */
    public FaultControls(FaultsViewModel model, Runnable showRace) {
        this.model = model;
        this.showRace = showRace;
        add("pull-cable", "Pull cable", "P", FaultKind.CABLE_PULL,
                "drop every packet both ways between the selected clients and the server", () -> fault(FaultKind.CABLE_PULL));
        add("plug-in", "Plug in", "U", null, "clear the selected clients' network faults", model::plugIn);
        add("drop-to-server", "Drop to server", null, FaultKind.DROP_TO_SERVER,
                "lose the selected clients' packets towards the server", () -> fault(FaultKind.DROP_TO_SERVER));
        add("drop-to-client", "Drop to client", null, FaultKind.DROP_TO_CLIENT,
                "lose the server's packets towards the selected clients", () -> fault(FaultKind.DROP_TO_CLIENT));
        add("freeze-client", "Freeze client", null, FaultKind.FREEZE_CLIENT,
                "the selected clients stop reading, answering, sending and judging", () -> fault(FaultKind.FREEZE_CLIENT));
        add("freeze-server", "Freeze server", null, FaultKind.FREEZE_SERVER,
                "the server's ends of the selected clients' connections stop", () -> fault(FaultKind.FREEZE_SERVER));
        add("unfreeze", "Unfreeze", null, null, "thaw the selected clients and their server ends", model::unfreeze);
        add("reset", "Reset", null, FaultKind.RESET, "the server resets the selected connections (RST)",
                () -> fault(FaultKind.RESET));
    }

    private void add(String id, String text, String shortcut, FaultKind kind, String help, Runnable action) {
        commands.add(new Command(id, text, shortcut, kind, help, action));
    }

    private void fault(FaultKind kind) {
        model.fault(kind);
        showRace.run();
    }

    private void restart() {
        model.restartServer(down.getText());
        showRace.run();
    }

    private void latency() {
        model.latency(delay.getText(), jitter.getText());
        showRace.run();
    }

    /** The buttons for the toolbar. */
    public List<Node> buttons() {
        List<Node> nodes = new ArrayList<>();
        for (Command c : commands) {
            Button b = new Button(c.text());
            b.setId(c.id());
            b.setOnAction(e -> c.action().run());
            nodes.add(guarded(b, c.kind(), c.help() + (c.shortcut() == null ? "" : " (" + c.shortcut() + ")")));
        }
        Button restart = new Button("Restart server");
        restart.setId("server-restart");
        restart.setOnAction(e -> restart());
        down.setId("restart-down");
        down.setPrefColumnCount(4);
        down.setTooltip(new Tooltip("how long the server stays down"));
        nodes.add(new HBox(2, guarded(restart, FaultKind.SERVER_RESTART,
                "stop the server, wait the down time, start it again on the same port (one restart at a time)"), down));
        Button latency = new Button("Latency");
        latency.setId("latency");
        latency.setOnAction(e -> latency());
        delay.setId("latency-delay");
        delay.setPrefColumnCount(4);
        delay.setTooltip(new Tooltip("added one-way delay"));
        jitter.setId("latency-jitter");
        jitter.setPrefColumnCount(4);
        jitter.setTooltip(new Tooltip("± jitter, at most the delay"));
        HBox lat = new HBox(2, guarded(latency, FaultKind.LATENCY, "delay the selected clients' traffic both ways"),
                delay, new Label("±"), jitter);
        lat.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        nodes.add(lat);
        return nodes;
    }

    /** The button in a wrapper that carries the reason when the button is disabled. */
    private Node guarded(Button button, FaultKind kind, String help) {
        StackPane wrapper = new StackPane(button);
        wrapper.setId(button.getId() + "-wrapper");
        if (kind == null) {
            button.setTooltip(new Tooltip(help));
            return wrapper;
        }
        Tooltip enabled = new Tooltip(help);
        Tooltip disabled = new Tooltip();
        disabled.setWrapText(true);
        disabled.setMaxWidth(480);
        ReadOnlyStringProperty why = model.unavailableProperty(kind);
        disabled.textProperty().bind(why);
        button.disableProperty().bind(why.isNotEmpty());
        button.tooltipProperty().bind(Bindings.when(why.isEmpty()).then(enabled).otherwise(disabled));
        // A disabled control gets no mouse events: its wrapper shows why.
        why.addListener((o, old, now) -> showReason(wrapper, disabled, now));
        showReason(wrapper, disabled, why.get());
        return wrapper;
    }

    private static void showReason(Node wrapper, Tooltip reason, String why) {
        if (why.isEmpty()) {
            Tooltip.uninstall(wrapper, reason);
        } else {
            Tooltip.install(wrapper, reason);
        }
    }

    /** The connections table's context menu: the same commands, shortcuts shown. */
    public ContextMenu contextMenu() {
        ContextMenu menu = new ContextMenu();
        for (Command c : commands) {
            menu.getItems().add(item("menu-" + c.id(), c.text() + (c.shortcut() == null ? "" : "    (" + c.shortcut() + ")"),
                    c.kind(), c.action()));
            if (c.id().equals("plug-in") || c.id().equals("drop-to-client") || c.id().equals("unfreeze")) {
                menu.getItems().add(new SeparatorMenuItem());
            }
        }
        menu.getItems().addAll(item("menu-latency", "Latency (delay ± jitter from the toolbar)", FaultKind.LATENCY,
                this::latency), new SeparatorMenuItem(),
                item("menu-server-restart", "Restart server (down time from the toolbar)", FaultKind.SERVER_RESTART,
                        this::restart));
        return menu;
    }

    private MenuItem item(String id, String text, FaultKind kind, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        if (kind != null) {
            item.disableProperty().bind(model.unavailableProperty(kind).isNotEmpty());
        }
        return item;
    }

    /** P pulls the selected clients' cables, U plugs them in; not while typing in a text field. */
    public void handleShortcut(KeyEvent e, Node focusOwner) {
        if (e.isConsumed() || e.isShortcutDown() || e.isAltDown() || e.isShiftDown()
                || focusOwner instanceof javafx.scene.control.TextInputControl
                || focusOwner instanceof javafx.scene.control.ComboBoxBase<?> combo && combo.isEditable()
                || focusOwner instanceof javafx.scene.control.Spinner<?>) {
            return;
        }
        if (e.getCode() == KeyCode.P) {
            if (model.unavailableProperty(FaultKind.CABLE_PULL).get().isEmpty()) {
                fault(FaultKind.CABLE_PULL);
            } else {
                model.fault(FaultKind.CABLE_PULL);
            }
            e.consume();
        } else if (e.getCode() == KeyCode.U) {
            model.plugIn();
            e.consume();
        }
    }
}
