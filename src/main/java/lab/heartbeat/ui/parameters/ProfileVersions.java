package lab.heartbeat.ui.parameters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import lab.heartbeat.detect.ParameterKey;
import lab.heartbeat.detect.Preset;
import lab.heartbeat.detect.Presets;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.detect.ProfileKind;

/**
 * The edited profiles, one per kind and preset (one profile name, {@code kind/preset}), each with
 * its versions: version 1 is the preset's own numbers, every accepted edit adds one. Edits apply
 * to clients added afterwards. Which parameters a client runs is the lab's to say (its
 * {@code profileSpec}); this only tells which version that is and whether it is the current one.
 * Used on the FX thread only (the view model's edits and frames).
 */
public final class ProfileVersions {

    /** One version of a profile: the profile and the overrides that made it from its preset. */
    public record Version(Profile profile, int number, Map<String, String> overrides) {
    }

    /**
     * What a client's parameters are: the version they match (0: none, e.g. a scenario's own
     * overrides), whether they differ from what a new client of that profile gets now, and how.
     */
    public record Params(int version, boolean outdated, String differences) {
        static final Params UNKNOWN = new Params(0, false, "");

        public String label() {
            return (version > 0 ? "v" + version : "custom") + (outdated ? " (old)" : "");
        }
    }

    private final Map<String, List<Version>> versions = new HashMap<>();
    private int edits;

    public Version current(ProfileKind kind, Preset preset) {
        return last(history(Profile.of(kind, preset)));
    }

    /**
     * Applies one more override through the engine's own validation. An invalid value throws the
     * engine's IllegalArgumentException, naming the key, and changes nothing.
     */
    public Version edit(ProfileKind kind, Preset preset, String key, String value) {
        List<Version> history = history(Profile.of(kind, preset));
        Version v = last(history);
        Map<String, String> overrides = new LinkedHashMap<>(v.overrides());
        overrides.put(key, value.trim());
        Profile edited = Profile.of(kind, preset).withOverrides(overrides);
        if (edited.equals(v.profile())) {
            return v;
        }
        Version next = new Version(edited, v.number() + 1, Map.copyOf(overrides));
        history.add(next);
        edits++;
        return next;
    }

    /** Grows with every accepted edit: what a client's {@link Params} are may have changed. */
    public int edits() {
        return edits;
    }

    /**
     * What a client running {@code spec} shows: compared with the current version of its profile
     * (same kind and preset). A profile of a preset the dashboard does not know has no version.
     */
    public Params paramsOf(Profile spec) {
        if (spec == null) {
            return Params.UNKNOWN;
        }
        List<Version> history;
        try {
            int slash = spec.name().indexOf('/');
            Preset preset = Presets.byName(slash < 0 ? "" : spec.name().substring(slash + 1));
            history = history(Profile.of(spec.kind(), preset));
        } catch (IllegalArgumentException unknownPreset) {
            return Params.UNKNOWN;
        }
        int version = 0;
        for (Version v : history) {
            if (v.profile().equals(spec)) {
                version = v.number();
            }
        }
        Profile now = last(history).profile();
        return now.equals(spec) ? new Params(version, false, "") : new Params(version, true, differences(spec, now));
    }

    /** The parameters in which {@code running} differs from {@code now}, e.g. {@code heartbeatInterval 1s (now 500ms)}. */
    static String differences(Profile running, Profile now) {
        List<String> parts = new ArrayList<>();
        for (ParameterKey e : ParameterCatalog.PROFILE) {
            String a = e.read(running);
            String b = e.read(now);
            if (!a.equals(b)) {
                parts.add(e.key() + " " + (a.isEmpty() ? "—" : a) + " (now " + (b.isEmpty() ? "—" : b) + ")");
            }
        }
        return parts.isEmpty() ? "other parameters than new clients get" : String.join(", ", parts);
    }

    private List<Version> history(Profile base) {
        return versions.computeIfAbsent(base.name(), n -> {
            List<Version> list = new ArrayList<>();
            list.add(new Version(base, 1, Map.of()));
            return list;
        });
    }

    private static Version last(List<Version> history) {
        return history.get(history.size() - 1);
    }
}
