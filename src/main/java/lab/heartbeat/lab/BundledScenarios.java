package lab.heartbeat.lab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The example scenarios shipped inside the application, runnable by name. */
public final class BundledScenarios {
    private static final String FOLDER = "/lab/heartbeat/scenarios/";
    private static final List<String> NAMES = List.of("cable-pull", "keepalive-tuning", "heartbeat-trap",
            "hung-vs-dead", "reconnect-storm", "server-restart");

    private BundledScenarios() {
    }

    public static List<String> names() {
        return NAMES;
    }

    /** The text of the bundled scenario with this name (with or without {@code .yaml}). */
    public static Optional<String> text(String name) {
        String bare = name.endsWith(".yaml") ? name.substring(0, name.length() - 5) : name;
        if (!NAMES.contains(bare)) {
            return Optional.empty();
        }
        try (InputStream in = BundledScenarios.class.getResourceAsStream(FOLDER + bare + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("bundled scenario " + bare + " is missing from the application");
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled scenario " + bare, e);
        }
    }

    /** Reads a scenario file, or a bundled scenario when no such file exists and the name is one. */
    public static ScenarioPlan read(Path fileOrName) throws ScenarioException {
        if (!fileOrName.toFile().exists()) {
            Optional<String> bundled = text(fileOrName.toString());
            if (bundled.isPresent()) {
                return ScenarioReader.parse(Path.of("bundled:" + fileOrName), bundled.get());
            }
            throw new ScenarioException(fileOrName, 0, null, "no such file, and no bundled scenario of that name; "
                    + "the bundled ones are " + String.join(", ", NAMES) + " (run --list describes them)");
        }
        return ScenarioReader.read(fileOrName);
    }

    /** The description a bundled scenario gives of itself. */
    public static String description(String name) {
        String text = text(name).orElseThrow(() -> new IllegalArgumentException("no bundled scenario " + name));
        try {
            return ScenarioReader.parse(Path.of("bundled:" + name), text).scenario().description().strip();
        } catch (ScenarioException e) {
            throw new IllegalStateException("bundled scenario " + name + " does not read: " + e.getMessage(), e);
        }
    }
}
