package lab.heartbeat.ui.parameters;

import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import lab.heartbeat.detect.Durations;
import lab.heartbeat.detect.ParameterKey;
import lab.heartbeat.detect.Preset;
import lab.heartbeat.detect.Presets;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.detect.ProfileKind;
import lab.heartbeat.detect.SweepParams;
import lab.heartbeat.ui.lab.CommandRunner;
import lab.heartbeat.ui.lab.LabGateway;

/**
 * The parameter editor's view model: the profile that new clients get (kind, preset and the
 * edited version) and the server's sweep for new connections, both validated by the engine. It
 * knows no node.
 */
public final class ParametersViewModel {
    private final CommandRunner runner;
    private final ProfileVersions versions = new ProfileVersions();
    private final ObjectProperty<ProfileKind> addKind = new SimpleObjectProperty<>(this, "addKind", ProfileKind.APP_HEARTBEAT);
    private final ObjectProperty<Preset> addPreset = new SimpleObjectProperty<>(this, "addPreset", Presets.teaching());
    private final ObservableList<ProfileParameter> profileParameters = FXCollections.observableArrayList();
    private final ObservableList<ProfileParameter> serverParameters = FXCollections.observableArrayList();
    private final List<ProfileParameter> profileParametersView = Collections.unmodifiableList(profileParameters);
    private final List<ProfileParameter> serverParametersView = Collections.unmodifiableList(serverParameters);
    private final ReadOnlyStringWrapper validationMessage = new ReadOnlyStringWrapper(this, "validationMessage", "");
    private final ReadOnlyIntegerWrapper profileVersion = new ReadOnlyIntegerWrapper(this, "profileVersion", 1);
    private final ReadOnlyObjectWrapper<SweepParams> serverSweep = new ReadOnlyObjectWrapper<>(this, "serverSweep");

    /** What new clients get: the group they join and the version of their profile. */
    public record NewClients(String group, ProfileVersions.Version version) {
    }

    public ParametersViewModel(CommandRunner runner) {
        this.runner = runner;
        for (ParameterKey e : ParameterCatalog.PROFILE) {
            profileParameters.add(new ProfileParameter(e.key(), e.section(), e.help()));
        }
        serverParameters.add(new ProfileParameter(ParameterCatalog.SWEEP_INTERVAL, "Server sweep",
                "sweep period of the server; applies to connections accepted from now on"));
        serverParameters.add(new ProfileParameter(ParameterCatalog.SWEEP_MISSES, "Server sweep",
                "silent sweeps before the server closes a connection; applies to new connections"));
        addKind.addListener((obs, old, kind) -> showProfile());
        addPreset.addListener((obs, old, preset) -> showProfile());
        showProfile();
        switchTo(runner.lab());
    }

    /** Another lab is shown: the editor shows its server's sweep. */
    public void switchTo(LabGateway lab) {
        serverSweep.set(lab.serverSweep());
        showServer();
    }

    /** The kind, preset and current profile version that clients added now get. */
    public NewClients newClients() {
        ProfileKind kind = addKind.get();
        Preset preset = addPreset.get();
        String group = preset.equals(Presets.teaching()) ? kind.label() : kind.label() + "." + preset.name();
        return new NewClients(group, versions.current(kind, preset));
    }

    /** Which version of its profile a client runs, and whether a new client would get other numbers. */
    public ProfileVersions versions() {
        return versions;
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
            runner.show(v.profile().name() + " v" + v.number() + ": " + key + " = " + value.trim()
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
        runner.show(text + " …");
        runner.run("server sweep failed", on -> {
            try {
                on.updateSweep(sweep);
            } catch (RuntimeException e) {
                SweepParams running = on.serverSweep();
                runner.later(() -> {
                    serverSweep.set(running);
                    showServer();
                });
                throw e;
            }
            return text + " for new connections; open ones keep theirs";
        });
        return true;
    }

    private static <T> T parse(String key, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }

    private void showProfile() {
        ProfileVersions.Version v = versions.current(addKind.get(), addPreset.get());
        Profile p = v.profile();
        for (int i = 0; i < ParameterCatalog.PROFILE.size(); i++) {
            profileParameters.get(i).show(ParameterCatalog.PROFILE.get(i).read(p));
        }
        profileVersion.set(v.number());
    }

    private void showServer() {
        for (ProfileParameter p : serverParameters) {
            p.show(ParameterCatalog.sweepValue(serverSweep.get(), p.key()));
        }
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

    public ReadOnlyObjectProperty<SweepParams> serverSweepProperty() {
        return serverSweep.getReadOnlyProperty();
    }
}
