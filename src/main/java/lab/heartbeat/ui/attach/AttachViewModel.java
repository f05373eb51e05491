package lab.heartbeat.ui.attach;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import lab.heartbeat.ui.lab.AttachedLab;
import lab.heartbeat.ui.lab.LabsGateway;

/**
 * "Attach to lab…": the address and token typed, whether the address reads as {@code host:port},
 * the attempt under way and its error (shown in the dialog), the labs attached, and detaching one.
 * Attaching talks to the other lab, so it runs on the command thread. It knows no node.
 */
public final class AttachViewModel {
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9._-]+):(\\d{1,5})");

    private final LabsGateway labs;
    private final Executor commands;
    private final Executor fx;
    private final Consumer<String> status;
    private final StringProperty address = new SimpleStringProperty(this, "address", "");
    private final StringProperty token = new SimpleStringProperty(this, "token", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ObservableList<String> attached = FXCollections.observableArrayList();
    private final ObservableList<String> attachedView = FXCollections.unmodifiableObservableList(attached);
    private final BooleanBinding canAttach;

    /**
     * @param labs     the dashboard's labs, or null for a dashboard that cannot attach (a scenario's)
     * @param commands where attaching and detaching run (off the FX thread)
     * @param fx       where their outcome is applied
     * @param status   the status bar's line
     */
    public AttachViewModel(LabsGateway labs, Executor commands, Executor fx, Consumer<String> status) {
        this.labs = labs;
        this.commands = commands;
        this.fx = fx;
        this.status = status;
        canAttach = Bindings.createBooleanBinding(() -> isHostPort(address.get()) && !busy.get(), address, busy);
        address.addListener((o, old, now) -> error.set(""));
        token.addListener((o, old, now) -> error.set(""));
    }

    /** Whether {@code text} is {@code host:port} with a port from 1 to 65535. */
    public static boolean isHostPort(String text) {
        Matcher m = HOST_PORT.matcher(text == null ? "" : text.strip());
        return m.matches() && Integer.parseInt(m.group(2)) >= 1 && Integer.parseInt(m.group(2)) <= 65535;
    }

    /**
     * Attaches the lab at the address typed; {@code attachedThen} runs on the FX thread once it is
     * attached (the dialog closes); a failure stays in {@link #errorProperty()}.
     */
    public void attach(Runnable attachedThen) {
        if (!canAttach.get()) {
            return;
        }
        if (labs == null) {
            error.set("this dashboard cannot attach labs");
            return;
        }
        String where = address.get().strip();
        String secret = token.get();
        busy.set(true);
        error.set("");
        commands.execute(() -> {
            String failure = null;
            String name = null;
            try {
                AttachedLab lab = labs.attach(where, secret);
                name = lab.name() + " (" + lab.faultBackend() + " faults)";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = "attaching " + where + " was interrupted";
            } catch (Exception e) {
                failure = e.getMessage();
            }
            String problem = failure;
            String shown = name;
            fx.execute(() -> {
                busy.set(false);
                if (problem != null) {
                    error.set(problem);
                    return;
                }
                attached.setAll(labs.attached());
                status.accept("attached " + shown);
                attachedThen.run();
            });
        });
    }

    /** Detaches an attached lab: its rows and races go from the dashboard; the lab itself runs on. */
    public void detach(String name) {
        commands.execute(() -> {
            String outcome = "detached " + name;
            try {
                labs.detach(name);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcome = "detaching " + name + " was interrupted";
            }
            String shown = outcome;
            fx.execute(() -> {
                attached.setAll(labs.attached());
                status.accept(shown);
            });
        });
    }

    /** {@code host:port} of the other lab's control API. */
    public StringProperty addressProperty() {
        return address;
    }

    /** The other lab's control token; empty when it needs none (loopback without one). */
    public StringProperty tokenProperty() {
        return token;
    }

    /** True while the address reads as {@code host:port} and no attempt is under way. */
    public BooleanBinding canAttachProperty() {
        return canAttach;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Why the last attempt failed, in one sentence; empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The attached labs' names ({@code host:port}). */
    public ObservableList<String> attached() {
        return attachedView;
    }
}
