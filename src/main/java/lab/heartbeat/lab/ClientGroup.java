package lab.heartbeat.lab;

import java.util.Objects;
import lab.heartbeat.detect.Profile;

/** A named group of identical clients; its clients are called {@code name-1}, {@code name-2}, ... */
public record ClientGroup(String name, int count, Profile profile) {

    public ClientGroup {
        if (name == null || !name.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("group name must be letters, digits, '.', '_' or '-': " + name);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must be zero or more: " + count);
        }
        Objects.requireNonNull(profile, "profile");
    }
}
