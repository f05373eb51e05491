package lab.heartbeat.ui;

import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import lab.heartbeat.telemetry.TelemetrySnapshot;
import lab.heartbeat.ui.attach.AttachViewModel;
import lab.heartbeat.ui.charts.ChartsViewModel;
import lab.heartbeat.ui.common.Theme;
import lab.heartbeat.ui.connections.ConnectionsViewModel;
import lab.heartbeat.ui.faults.FaultsViewModel;
import lab.heartbeat.ui.lab.CommandRunner;
import lab.heartbeat.ui.lab.DashboardFrame;
import lab.heartbeat.ui.lab.LabGateway;
import lab.heartbeat.ui.lab.LabsGateway;
import lab.heartbeat.ui.log.LogViewModel;
import lab.heartbeat.ui.parameters.ParametersViewModel;
import lab.heartbeat.ui.race.RacesViewModel;
import lab.heartbeat.ui.status.StatusViewModel;

/**
 * The dashboard's view models put together: one per feature, one command runner they share, and
 * the tick that hands each of them its part of one {@link DashboardFrame}. It knows no node.
 */
public final class DashboardModel {
    private final CommandRunner runner;
    private final StatusViewModel status;
    private final ParametersViewModel parameters;
    private final ConnectionsViewModel connections;
    private final FaultsViewModel faults;
    private final ChartsViewModel charts;
    private final RacesViewModel races = new RacesViewModel();
    private final LogViewModel log;
    private final AttachViewModel attach;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);

    /**
     * @param commands where lab commands run (one thread, off the FX thread)
     * @param fx       where their outcome is applied (the FX thread)
     * @param clock    monotonic nanoseconds, for the notifications' rate limit
     */
    public DashboardModel(LabGateway lab, Executor commands, Executor fx, LongSupplier clock) {
        this(lab, commands, fx, clock, DashboardModel::restartThread);
    }

    /**
     * @param restarts where a server restart waits out its down time: not the command thread, so
     *                 that other commands go on meanwhile
     */
    public DashboardModel(LabGateway lab, Executor commands, Executor fx, LongSupplier clock, Executor restarts) {
        status = new StatusViewModel(lab);
        runner = new CommandRunner(lab, commands, fx, status::showMessage);
        parameters = new ParametersViewModel(runner);
        connections = new ConnectionsViewModel(runner, parameters);
        faults = new FaultsViewModel(runner, connections.selectedClients(), status.faultStatusProperty(), restarts);
        charts = new ChartsViewModel(connections.selectedClients(), lab.startNanos());
        log = new LogViewModel(lab.startNanos(), clock);
        attach = new AttachViewModel(lab instanceof LabsGateway labs ? labs : null, commands, fx, status::showMessage);
    }

    private static void restartThread(Runnable restart) {
        Thread t = new Thread(restart, "server-restart");
        t.setDaemon(true);
        t.start();
    }

    /** Applies one frame to every feature; a frame of another lab shows that lab afresh. */
    public void apply(DashboardFrame frame) {
        if (frame.source() != null && frame.source() != runner.lab()) {
            switchTo(frame.source());
        }
        TelemetrySnapshot snapshot = frame.snapshot();
        int up = connections.apply(snapshot, frame.races());
        status.clients(up, connections.rows().size());
        log.apply(frame.newEvents(), frame.newDetections());
        charts.apply(snapshot.nanos(), frame.newDetections(), frame.races());
        if (frame.races() != null) {
            races.labRaces(frame.races());
        }
    }

    /**
     * Shows another lab (a scenario's, or the dashboard's own again): its rows, events, markers
     * and races start afresh; the races of finished runs stay in the list.
     */
    private void switchTo(LabGateway next) {
        runner.switchTo(next);
        connections.clear();
        charts.reset(next.startNanos());
        log.reset(next.startNanos());
        status.switchTo(next);
        parameters.switchTo(next);
        races.labRaces(java.util.List.of());
    }

    public StatusViewModel status() {
        return status;
    }

    public ParametersViewModel parameters() {
        return parameters;
    }

    public ConnectionsViewModel connections() {
        return connections;
    }

    public FaultsViewModel faults() {
        return faults;
    }

    /** The charts' window, pause, plotted clients and markers. */
    public ChartsViewModel charts() {
        return charts;
    }

    /** The races and the one the race panel shows. */
    public RacesViewModel races() {
        return races;
    }

    public LogViewModel log() {
        return log;
    }

    /** Attaching other labs, and the ones attached. */
    public AttachViewModel attach() {
        return attach;
    }

    /** The window's look. */
    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }
}
