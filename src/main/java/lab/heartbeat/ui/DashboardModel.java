package lab.heartbeat.ui;

import lab.heartbeat.ui.lab.LabGateway;
import lab.heartbeat.ui.lab.DashboardFrame;
import lab.heartbeat.ui.lab.FaultStatus;
import lab.heartbeat.ui.lab.RaceView;
import lab.heartbeat.ui.common.Theme;
import lab.heartbeat.ui.connections.ConnectionRow;
import lab.heartbeat.ui.connections.StateBadge;
import lab.heartbeat.ui.charts.ChartsViewModel;
import lab.heartbeat.ui.race.RacesViewModel;
import lab.heartbeat.ui.parameters.ParameterCatalog;
import lab.heartbeat.ui.parameters.ProfileParameter;
import lab.heartbeat.ui.parameters.ProfileVersions;
import lab.heartbeat.ui.log.DetectionDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import lab.heartbeat.detect.Durations;
import lab.heartbeat.detect.Preset;
import lab.heartbeat.detect.Presets;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.detect.ProfileKind;
import lab.heartbeat.detect.SweepParams;
import lab.heartbeat.fault.FaultException;
import lab.heartbeat.fault.FaultKind;
import lab.heartbeat.fault.Latency;
import lab.heartbeat.telemetry.EndpointView;
import lab.heartbeat.telemetry.LabEvent;
import lab.heartbeat.telemetry.TelemetrySnapshot;

/**
 * The dashboard's view model: the state every view binds to and the commands they call. It knows
 * no node. Once per tick it applies one {@link DashboardFrame}; commands go to the lab on the
 * command executor and return at once, their outcome coming back through the FX executor.
 */
public final class DashboardModel {
    public static final int EVENT_LINES = 300;

    private LabGateway lab;
    private final Executor commands;
    private final Executor fx;
    private final Executor restarts;
    private long tick;
    private final ProfileVersions versions = new ProfileVersions();
    private final DetectionDigest digest;
    /** The same lines as the command line prints; only the start time matters for them. */
    private lab.heartbeat.lab.EventFormat eventLines;

    // Connections
    /** A row whose state changes is re-checked by the filter (a filter on "down" picks up a client that goes down). */
    private final ObservableList<ConnectionRow> rows =
            FXCollections.observableArrayList(r -> new javafx.beans.Observable[] {r.stateProperty()});
    private final Map<String, ConnectionRow> rowsByClient = new HashMap<>();
    private final FilteredList<ConnectionRow> visibleRows = new FilteredList<>(rows);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObservableList<String> selectedClients = FXCollections.observableArrayList();

    // Views handed out once: an unmodifiable wrapper only weakly listens to its list, so a listener
    // added to a fresh wrapper per call would vanish with the next garbage collection.
    private final ObservableList<ConnectionRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<ConnectionRow> visibleRowsView = FXCollections.unmodifiableObservableList(visibleRows);
    private final ObservableList<String> selectedClientsView = FXCollections.unmodifiableObservableList(selectedClients);

    // Status
    private final ReadOnlyStringWrapper transport = new ReadOnlyStringWrapper(this, "transport", "");
    private final ReadOnlyIntegerWrapper port = new ReadOnlyIntegerWrapper(this, "port");
    private final ReadOnlyIntegerWrapper clientsUp = new ReadOnlyIntegerWrapper(this, "clientsUp");
    private final ReadOnlyIntegerWrapper clientCount = new ReadOnlyIntegerWrapper(this, "clientCount");
    private final ReadOnlyStringWrapper faultBackend = new ReadOnlyStringWrapper(this, "faultBackend", "—");
    private final ReadOnlyObjectWrapper<FaultStatus> faultStatus = new ReadOnlyObjectWrapper<>(this, "faultStatus",
            FaultStatus.NONE);
    private final ReadOnlyStringWrapper labName = new ReadOnlyStringWrapper(this, "labName", RaceView.LIVE);

    private final RacesViewModel races = new RacesViewModel();
    private final ChartsViewModel charts;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<Notice> notification = new ReadOnlyObjectWrapper<>(this, "notification");
    private int notices;
    private final ObservableList<String> events = FXCollections.observableArrayList();
    private final ObservableList<String> eventsView = FXCollections.unmodifiableObservableList(events);

    // Adding clients and editing their profile
    private final IntegerProperty addCount = new SimpleIntegerProperty(this, "addCount", 1);
    private final ObjectProperty<ProfileKind> addKind = new SimpleObjectProperty<>(this, "addKind", ProfileKind.APP_HEARTBEAT);
    private final ObjectProperty<Preset> addPreset = new SimpleObjectProperty<>(this, "addPreset", Presets.teaching());
    private final ObservableList<ProfileParameter> profileParameters = FXCollections.observableArrayList();
    private final ObservableList<ProfileParameter> serverParameters = FXCollections.observableArrayList();
    private final List<ProfileParameter> profileParametersView = java.util.Collections.unmodifiableList(profileParameters);
    private final List<ProfileParameter> serverParametersView = java.util.Collections.unmodifiableList(serverParameters);
    private final ReadOnlyStringWrapper validationMessage = new ReadOnlyStringWrapper(this, "validationMessage", "");
    private final ReadOnlyIntegerWrapper profileVersion = new ReadOnlyIntegerWrapper(this, "profileVersion", 1);
    private final ReadOnlyObjectWrapper<SweepParams> serverSweep = new ReadOnlyObjectWrapper<>(this, "serverSweep");
    private final ReadOnlyBooleanWrapper restarting = new ReadOnlyBooleanWrapper(this, "restarting");

    // Charts and look
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
        this.lab = lab;
        this.commands = commands;
        this.fx = fx;
        this.restarts = restarts;
        this.digest = new DetectionDigest(clock, Duration.ofSeconds(1));
        this.eventLines = eventFormat(lab);
        this.charts = new ChartsViewModel(selectedClientsView, this::firstShown, lab.startNanos());
        transport.set(lab.transport());
        port.set(lab.port());
        showFaultStatus(lab.faultStatus());
        serverSweep.set(lab.serverSweep());
        filter.addListener((obs, old, text) -> visibleRows.setPredicate(matching(text)));
        for (ParameterCatalog.Entry e : ParameterCatalog.PROFILE) {
            profileParameters.add(new ProfileParameter(e.key(), e.category(), e.description()));
        }
        serverParameters.add(new ProfileParameter(ParameterCatalog.SWEEP_INTERVAL, "Server sweep",
                "sweep period of the server; applies to connections accepted from now on"));
        serverParameters.add(new ProfileParameter(ParameterCatalog.SWEEP_MISSES, "Server sweep",
                "silent sweeps before the server closes a connection; applies to new connections"));
        addKind.addListener((obs, old, kind) -> showProfile());
        addPreset.addListener((obs, old, preset) -> showProfile());
        showProfile();
        showServer();
    }

    /** A detection notice; numbered so that two equal texts in a row are two notices. */
    public record Notice(int number, String text) {
    }

    private static void restartThread(Runnable restart) {
        Thread t = new Thread(restart, "server-restart");
        t.setDaemon(true);
        t.start();
    }

    // ---- ticks ---------------------------------------------------------------------------------

    /** Applies one frame: rows updated in place, new clients appended, removed ones dropped. */
    public void apply(DashboardFrame frame) {
        if (frame.source() != null && frame.source() != lab) {
            switchTo(frame.source());
        }
        TelemetrySnapshot snapshot = frame.snapshot();
        List<ConnectionRow> added = new ArrayList<>();
        long now = ++tick;
        int up = 0;
        for (EndpointView v : snapshot.clients()) {
            ConnectionRow row = rowsByClient.get(v.client());
            if (row == null) {
                row = new ConnectionRow(v.client(), v.profile() == null ? "" : v.profile());
                rowsByClient.put(v.client(), row);
                added.add(row);
            }
            row.seenTick = now;
            row.update(v);
            row.params(v.profileSpec(), versions);
            if (row.state() == StateBadge.UP) {
                up++;
            }
        }
        if (rowsByClient.size() > snapshot.clients().size()) {
            rowsByClient.values().removeIf(r -> r.seenTick != now);
            rows.removeIf(r -> r.seenTick != now);
        }
        rows.addAll(added);
        clientsUp.set(up);
        clientCount.set(rows.size());
        if (!frame.newEvents().isEmpty()) {
            showEvents(frame.newEvents());
        }
        charts.apply(snapshot.nanos(), frame.newDetections(), frame.races());
        if (frame.races() != null) {
            races.labRaces(frame.races());
        }
        digest.add(frame.newDetections());
        String note = digest.poll();
        if (note != null) {
            notification.set(new Notice(++notices, note));
        }
    }

    /**
     * Shows another lab (a scenario's, or the dashboard's own again): its rows, events, markers
     * and races start afresh; the races of finished runs stay in the list.
     */
    private void switchTo(LabGateway next) {
        lab = next;
        rows.clear();
        rowsByClient.clear();
        charts.reset(next.startNanos());
        events.clear();
        selectedClients.clear();
        eventLines = eventFormat(next);
        transport.set(next.transport());
        port.set(next.port());
        labName.set(next.name());
        serverSweep.set(next.serverSweep());
        showServer();
        showFaultStatus(next.faultStatus());
        races.labRaces(List.of());
    }

    private void showFaultStatus(FaultStatus status) {
        faultStatus.set(status);
        faultBackend.set(status.backend());
    }

    /** Puts the new events on top of the log, newest first, and keeps the latest {@value #EVENT_LINES}. */
    private void showEvents(List<LabEvent> fresh) {
        int from = Math.max(0, fresh.size() - EVENT_LINES);
        List<String> lines = new ArrayList<>(fresh.size() - from);
        for (int i = fresh.size() - 1; i >= from; i--) {
            lines.add(eventLines.toLine(fresh.get(i)));
        }
        events.addAll(0, lines);
        if (events.size() > EVENT_LINES) {
            events.remove(EVENT_LINES, events.size());
        }
    }

    private static lab.heartbeat.lab.EventFormat eventFormat(LabGateway lab) {
        return new lab.heartbeat.lab.EventFormat(
                new lab.heartbeat.telemetry.TimeBase(lab.startNanos(), java.time.Instant.EPOCH));
    }

    private static java.util.function.Predicate<ConnectionRow> matching(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String needle = text.trim().toLowerCase(Locale.ROOT);
        return r -> r.client().toLowerCase(Locale.ROOT).contains(needle)
                || r.profile().toLowerCase(Locale.ROOT).contains(needle)
                || r.state() != null && r.state().label().equals(needle);
    }

    // ---- commands ------------------------------------------------------------------------------

    /** Adds {@code addCount} clients of the chosen kind with the current version of its profile. */
    public void addClients() {
        ProfileKind kind = addKind.get();
        Preset preset = addPreset.get();
        int count = addCount.get();
        ProfileVersions.Version version = versions.current(kind, preset);
        String group = preset.equals(Presets.teaching()) ? kind.label() : kind.label() + "." + preset.name();
        LabGateway on = lab;
        commands.execute(() -> {
            try {
                List<String> names = on.addClients(group, count, version.profile());
                report("added " + names.size() + " " + version.profile().name() + " v" + version.number()
                        + (names.isEmpty() ? "" : ": " + names.get(0) + (names.size() > 1 ? " …" : "")));
            } catch (RuntimeException e) {
                report("could not add clients: " + e.getMessage());
            }
        });
    }

    /** Stops and removes the selected clients. */
    public void removeSelected() {
        List<String> names = List.copyOf(selectedClients);
        if (names.isEmpty()) {
            message.set("select clients to remove");
            return;
        }
        LabGateway on = lab;
        commands.execute(() -> {
            try {
                on.removeClients(names);
                report("removed " + names.size() + " client" + (names.size() == 1 ? "" : "s"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                report("could not remove clients: " + e.getMessage());
            }
        });
    }

    /**
     * Sets one parameter of the chosen profile for clients added from now on. An invalid value
     * changes nothing and shows the engine's message, which names the key.
     *
     * @return whether the value was accepted
     */
    public boolean editProfile(String key, String value) {
        try {
            ProfileVersions.Version v = versions.edit(addKind.get(), addPreset.get(), key, value);
            validationMessage.set("");
            message.set(v.profile().name() + " v" + v.number() + ": " + key + " = " + value.trim()
                    + " (new clients)");
            return true;
        } catch (IllegalArgumentException e) {
            validationMessage.set(e.getMessage());
            return false;
        } finally {
            showProfile();
        }
    }

    /**
     * Validates the server's sweep with the engine's rules and gives it to the running server for
     * the connections it accepts from now on; connections already open keep the sweep they started
     * with (as clients keep their profile).
     */
    public boolean editServer(String key, String value) {
        SweepParams current = serverSweep.get();
        SweepParams sweep;
        try {
            sweep = ParameterCatalog.SWEEP_INTERVAL.equals(key)
                    ? SweepParams.over(current, parse(key, value, Durations::parse), null)
                    : SweepParams.over(current, null, parse(key, value, v -> Integer.parseInt(v.trim())));
        } catch (IllegalArgumentException e) {
            validationMessage.set(e.getMessage());
            showServer();
            return false;
        }
        validationMessage.set("");
        if (sweep.equals(current)) {
            showServer();
            return true;
        }
        serverSweep.set(sweep);
        showServer();
        String text = "server sweep " + Durations.format(sweep.interval()) + " x " + sweep.misses();
        message.set(text + " …");
        LabGateway on = lab;
        commands.execute(() -> {
            try {
                on.updateSweep(sweep);
                report(text + " for new connections; open ones keep theirs");
            } catch (RuntimeException e) {
                report("server sweep failed: " + e.getMessage());
                SweepParams running = on.serverSweep();
                fx.execute(() -> {
                    serverSweep.set(running);
                    showServer();
                });
            }
        });
        return true;
    }

    private static <T> T parse(String key, String value, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }

    // ---- faults --------------------------------------------------------------------------------

    /** Makes a fault on the selected clients (or, for a server restart, on the server). */
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
            message.set("latency: " + e.getMessage());
            return;
        }
        fault(FaultKind.LATENCY, latency);
    }

    private void fault(FaultKind kind, Latency latency) {
        String why = faultStatus.get().whyUnavailable(kind);
        if (why != null) {
            message.set(kind.label() + " is unavailable: " + why);
            return;
        }
        String target = target(kind.label());
        if (target == null) {
            return;
        }
        LabGateway on = lab;
        message.set(kind.label() + " on " + target + " …");
        commands.execute(() -> {
            try {
                on.inject(kind, target, latency);
                report(kind.label() + " on " + target);
            } catch (FaultException | RuntimeException e) {
                report(kind.label() + " failed: " + e.getMessage());
            }
        });
    }

    /** Plugs the selected clients' cables back in: clears their network faults. */
    public void plugIn() {
        String target = target("plug in");
        if (target == null) {
            return;
        }
        LabGateway on = lab;
        commands.execute(() -> {
            try {
                on.plugIn(target);
                report("plugged in " + target);
            } catch (FaultException | RuntimeException e) {
                report("plug in failed: " + e.getMessage());
            }
        });
    }

    /** Thaws the selected clients and the server's ends of their connections. */
    public void unfreeze() {
        String target = target("unfreeze");
        if (target == null) {
            return;
        }
        LabGateway on = lab;
        commands.execute(() -> {
            try {
                on.unfreeze(target);
                report("unfroze " + target);
            } catch (FaultException | RuntimeException e) {
                report("unfreeze failed: " + e.getMessage());
            }
        });
    }

    /**
     * Restarts the embedded server after {@code down}, on a thread of its own that waits out the
     * down time, so that other commands go on meanwhile. One restart at a time: see
     * {@link #restartingProperty()}.
     */
    public void restartServer(Duration down) {
        String why = faultStatus.get().whyUnavailable(FaultKind.SERVER_RESTART);
        if (why != null) {
            message.set("server restart is unavailable: " + why);
            return;
        }
        if (restarting.get()) {
            message.set("server restart: one is in progress");
            return;
        }
        LabGateway on = lab;
        restarting.set(true);
        message.set("server restarting, down for " + Durations.format(down) + " …");
        restarts.execute(() -> {
            String outcome;
            try {
                on.restartServer(down);
                outcome = "server back after " + Durations.format(down);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcome = "server restart interrupted";
            } catch (FaultException | RuntimeException e) {
                outcome = "server restart failed: " + e.getMessage();
            }
            String text = outcome;
            fx.execute(() -> {
                restarting.set(false);
                message.set(text);
            });
        });
    }

    /** The selected clients' names joined with commas, or null (and a message) when none is selected. */
    private String target(String what) {
        if (selectedClients.isEmpty()) {
            message.set(what + ": select clients in the table first");
            return null;
        }
        return String.join(",", selectedClients);
    }

    /** Shows the outcome of something the views did (an export). */
    public void showMessage(String text) {
        message.set(text);
    }

    private void report(String text) {
        fx.execute(() -> message.set(text));
    }

    private void showProfile() {
        ProfileVersions.Version v = versions.current(addKind.get(), addPreset.get());
        Profile p = v.profile();
        for (int i = 0; i < ParameterCatalog.PROFILE.size(); i++) {
            profileParameters.get(i).show(ParameterCatalog.PROFILE.get(i).read().apply(p));
        }
        profileVersion.set(v.number());
    }

    private void showServer() {
        for (ProfileParameter p : serverParameters) {
            p.show(ParameterCatalog.sweepValue(serverSweep.get(), p.key()));
        }
    }

    private List<String> firstShown(int n) {
        List<String> first = new ArrayList<>(n);
        for (int i = 0; i < visibleRows.size() && i < n; i++) {
            first.add(visibleRows.get(i).client());
        }
        return first;
    }

    /** The selection the views report; charts follow it. */
    public void select(Collection<String> clients) {
        selectedClients.setAll(clients);
    }

    // ---- properties ----------------------------------------------------------------------------

    /** Every client's row, in the order they appeared. */
    public ObservableList<ConnectionRow> rows() {
        return rowsView;
    }

    /** The rows that match the filter. */
    public ObservableList<ConnectionRow> visibleRows() {
        return visibleRowsView;
    }

    public ConnectionRow row(String client) {
        return rowsByClient.get(client);
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObservableList<String> selectedClients() {
        return selectedClientsView;
    }

    public ReadOnlyStringProperty transportProperty() {
        return transport.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty portProperty() {
        return port.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty clientsUpProperty() {
        return clientsUp.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty clientCountProperty() {
        return clientCount.getReadOnlyProperty();
    }

    /** The fault backend's name for the status bar; "—" until fault injection exists. */
    public ReadOnlyStringProperty faultBackendProperty() {
        return faultBackend.getReadOnlyProperty();
    }

    /** The outcome of the last command. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The latest detection notice, at most one per second. */
    public ReadOnlyObjectProperty<Notice> notificationProperty() {
        return notification.getReadOnlyProperty();
    }

    /** The last {@value #EVENT_LINES} events, newest first. */
    public ObservableList<String> events() {
        return eventsView;
    }

    public IntegerProperty addCountProperty() {
        return addCount;
    }

    public ObjectProperty<ProfileKind> addKindProperty() {
        return addKind;
    }

    public ObjectProperty<Preset> addPresetProperty() {
        return addPreset;
    }

    /** The chosen profile's parameters, in the editor's order. */
    public List<ProfileParameter> profileParameters() {
        return profileParametersView;
    }

    public List<ProfileParameter> serverParameters() {
        return serverParametersView;
    }

    /** The engine's message for the last refused edit, empty after an accepted one. */
    public ReadOnlyStringProperty validationMessageProperty() {
        return validationMessage.getReadOnlyProperty();
    }

    /** The version of the chosen profile that new clients will get. */
    public ReadOnlyIntegerProperty profileVersionProperty() {
        return profileVersion.getReadOnlyProperty();
    }

    /** True while a server restart runs (the server down, or starting again). */
    public ReadOnlyBooleanProperty restartingProperty() {
        return restarting.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SweepParams> serverSweepProperty() {
        return serverSweep.getReadOnlyProperty();
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** The shown lab's fault backend, namespace and what it cannot do. */
    public ReadOnlyObjectProperty<FaultStatus> faultStatusProperty() {
        return faultStatus.getReadOnlyProperty();
    }

    /** Whose lab the dashboard shows: {@link RaceView#LIVE}, or a scenario run's name. */
    public ReadOnlyStringProperty labNameProperty() {
        return labName.getReadOnlyProperty();
    }

    /** The races and the one the race panel shows. */
    public RacesViewModel races() {
        return races;
    }

    /** The charts' window, pause, plotted clients and markers. */
    public ChartsViewModel charts() {
        return charts;
    }

    /** The lab shown now. Call its methods off the FX thread only. */
    public LabGateway lab() {
        return lab;
    }

    /** Runs on the command thread, off the FX thread. */
    public Executor commands() {
        return commands;
    }

    /** Applies on the FX thread. */
    public Executor fx() {
        return fx;
    }
}
