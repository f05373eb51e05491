package lab.heartbeat.ui.faults;

import java.time.Duration;
import java.util.EnumMap;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import lab.heartbeat.detect.Durations;
import lab.heartbeat.fault.FaultKind;
import lab.heartbeat.fault.Latency;
import lab.heartbeat.ui.lab.CommandRunner;
import lab.heartbeat.ui.lab.LabNames;
import lab.heartbeat.ui.lab.FaultStatus;

/**
 * The fault commands' view model: faults on the selected clients, plugging in, thawing, restarting
 * the server, and for each fault why it cannot be made now (the buttons bind to it). It knows no
 * node.
 */
public final class FaultsViewModel {
    private final CommandRunner runner;
    private final ObservableList<String> selection;
    private final ObservableValue<FaultStatus> status;
    private final Executor restarts;
    private final ReadOnlyBooleanWrapper restarting = new ReadOnlyBooleanWrapper(this, "restarting");
    private final Map<FaultKind, ReadOnlyStringWrapper> unavailable = new EnumMap<>(FaultKind.class);

    /**
     * @param selection the selected clients (a live list)
     * @param status    the shown lab's fault backend
     * @param restarts  where a server restart waits out its down time: not the command thread, so
     *                  that other commands go on meanwhile
     */
    public FaultsViewModel(CommandRunner runner, ObservableList<String> selection, ObservableValue<FaultStatus> status,
            Executor restarts) {
        this.runner = runner;
        this.selection = selection;
        this.status = status;
        this.restarts = restarts;
        for (FaultKind kind : FaultKind.values()) {
            unavailable.put(kind, new ReadOnlyStringWrapper(this, kind.label() + "Unavailable", ""));
        }
        status.addListener((o, old, now) -> refresh());
        restarting.addListener((o, old, now) -> refresh());
        selection.addListener((ListChangeListener<String>) change -> refresh());
        refresh();
    }

    private void refresh() {
        unavailable.forEach((kind, why) -> why.set(why(kind)));
    }

    /** Why this fault cannot be made now, or "" when it can. */
    private String why(FaultKind kind) {
        if (kind != FaultKind.SERVER_RESTART && !selection.isEmpty() && selection.stream().noneMatch(LabNames::local)) {
            // Only attached labs' clients: their lab judges, and its refusal shows in the status line.
            return "";
        }
        String why = status.getValue().whyUnavailable(kind);
        if (why != null) {
            return kind.label() + " is unavailable: " + why;
        }
        // One server restart at a time: its button waits for the running one to end.
        return kind == FaultKind.SERVER_RESTART && restarting.get() ? "server restart: one is in progress" : "";
    }

    /** Why this fault cannot be made now, or empty when it can: the buttons' state and tooltip. */
    public ReadOnlyStringProperty unavailableProperty(FaultKind kind) {
        return unavailable.get(kind).getReadOnlyProperty();
    }

    /** Makes a fault on the selected clients. */
    public void fault(FaultKind kind) {
        fault(kind, null);
    }

    /** Adds latency to the selected clients' traffic: delay ± jitter, as durations such as {@code 200ms}. */
    public void latency(String delay, String jitter) {
        Latency latency;
        try {
            latency = new Latency(Durations.parse(delay.trim()),
                    jitter == null || jitter.isBlank() ? Duration.ZERO : Durations.parse(jitter.trim()));
        } catch (IllegalArgumentException e) {
            runner.show("latency: " + e.getMessage());
            return;
        }
        fault(FaultKind.LATENCY, latency);
    }

    private void fault(FaultKind kind, Latency latency) {
        String why = why(kind);
        if (!why.isEmpty()) {
            runner.show(why);
            return;
        }
        String target = target(kind.label());
        if (target == null) {
            return;
        }
        runner.show(kind.label() + " on " + target + " …");
        runner.run(kind.label() + " failed", on -> {
            on.inject(kind, target, latency);
            return kind.label() + " on " + target;
        });
    }

    /** Plugs the selected clients' cables back in: clears their network faults. */
    public void plugIn() {
        String target = target("plug in");
        if (target != null) {
            runner.run("plug in failed", on -> {
                on.plugIn(target);
                return "plugged in " + target;
            });
        }
    }

    /** Thaws the selected clients and the server's ends of their connections. */
    public void unfreeze() {
        String target = target("unfreeze");
        if (target != null) {
            runner.run("unfreeze failed", on -> {
                on.unfreeze(target);
                return "unfroze " + target;
            });
        }
    }

    /**
     * Restarts the embedded server after {@code down} (a duration such as {@code 1s}), on a thread
     * of its own that waits out the down time, so that other commands go on meanwhile. One restart
     * at a time: see {@link #restartingProperty()}.
     */
    public void restartServer(String down) {
        Duration time;
        try {
            time = Durations.parse(down.trim());
        } catch (IllegalArgumentException e) {
            runner.show("server restart: down time: " + e.getMessage());
            return;
        }
        String why = why(FaultKind.SERVER_RESTART);
        if (!why.isEmpty()) {
            runner.show(why);
            return;
        }
        restarting.set(true);
        runner.show("server restarting, down for " + Durations.format(time) + " …");
        runner.run(restarts, "server restart failed", on -> {
            on.restartServer(time);
            return "server back after " + Durations.format(time);
        }, () -> restarting.set(false));
    }

    /** The selected clients' names joined with commas, or null (and a message) when none is selected. */
    private String target(String what) {
        if (selection.isEmpty()) {
            runner.show(what + ": select clients in the table first");
            return null;
        }
        return String.join(",", selection);
    }

    /** True while a server restart runs (the server down, or starting again). */
    public ReadOnlyBooleanProperty restartingProperty() {
        return restarting.getReadOnlyProperty();
    }
}
