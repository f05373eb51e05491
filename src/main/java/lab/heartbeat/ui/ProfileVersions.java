package lab.heartbeat.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import lab.heartbeat.detect.Preset;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.detect.ProfileKind;

/**
 * The edited profiles, one per kind and preset, each with a version that grows with every
 * accepted edit; version 1 is the preset's own numbers. Edits apply to clients added afterwards,
 * so each client remembers the version it was started with.
 */
public final class ProfileVersions {

    /** One version of a profile: the profile and the overrides that made it from its preset. */
    public record Version(Profile profile, int number, Map<String, String> overrides) {
    }

    private final Map<String, Version> current = new ConcurrentHashMap<>();
    private final Map<String, Integer> clientVersions = new ConcurrentHashMap<>();

    public Version current(ProfileKind kind, Preset preset) {
        Profile base = Profile.of(kind, preset);
        return current.computeIfAbsent(base.name(), n -> new Version(base, 1, Map.of()));
    }

    /** The current version number of the profile of this name (1 when never edited). */
    public int currentNumber(String profileName) {
        Version v = current.get(profileName);
        return v == null ? 1 : v.number();
    }

    /**
     * Applies one more override through the engine's own validation. An invalid value throws the
     * engine's IllegalArgumentException, naming the key, and changes nothing.
     */
    public Version edit(ProfileKind kind, Preset preset, String key, String value) {
        Version v = current(kind, preset);
        Map<String, String> overrides = new LinkedHashMap<>(v.overrides());
        overrides.put(key, value.trim());
        Profile edited = Profile.of(kind, preset).withOverrides(overrides);
        if (edited.equals(v.profile())) {
            return v;
        }
        Version next = new Version(edited, v.number() + 1, Map.copyOf(overrides));
        current.put(edited.name(), next);
        return next;
    }

    void started(String client, int version) {
        clientVersions.put(client, version);
    }

    void forget(String client) {
        clientVersions.remove(client);
    }

    /** The version a client was started with; clients the dashboard did not add run version 1. */
    public int versionOf(String client) {
        return clientVersions.getOrDefault(client, 1);
    }
}
