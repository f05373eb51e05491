package lab.heartbeat.ui.race;

import lab.heartbeat.ui.lab.RaceSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** The race panel's paragraphs for students, from {@code explanations.properties}. */
public final class Explanations {
    /** One paragraph under a title. */
    public record Paragraph(String key, String title, String text) {
    }

    private static final Properties TEXTS = load();

    private Explanations() {
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Explanations.class.getResourceAsStream("explanations.properties")) {
            if (in == null) {
                throw new IllegalStateException("explanations.properties is missing from the application");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    public static Paragraph of(String key) {
        String text = TEXTS.getProperty("text." + key);
        if (text == null) {
            throw new IllegalArgumentException("no explanation for " + key);
        }
        return new Paragraph(key, TEXTS.getProperty("title." + key, key), text);
    }

    /** The paragraphs as titled, wrapping labels; a paragraph's text has the id {@code explanation-<key>}. */
    public static List<Node> labels(List<Paragraph> paragraphs) {
        List<Node> nodes = new ArrayList<>();
        for (Paragraph p : paragraphs) {
            Label title = new Label(p.title());
            title.getStyleClass().add("explanation-title");
            title.setWrapText(true);
            title.setMinHeight(Region.USE_PREF_SIZE);
            Label text = new Label(p.text());
            text.getStyleClass().add("explanation");
            text.setId("explanation-" + p.key());
            text.setWrapText(true);
            text.setMinHeight(Region.USE_PREF_SIZE);
            nodes.add(title);
            nodes.add(text);
        }
        return nodes;
    }

    /** What a student needs to read this race: each mechanism in it, and the situation's traps. */
    public static List<Paragraph> forRace(RaceSnapshot race) {
        Set<String> keys = new LinkedHashSet<>();
        if (race == null) {
            keys.add("none");
            keys.add("app-heartbeat");
            keys.add("os-keepalive");
            keys.add("trap");
            keys.add("user-timeout");
        } else {
            for (RaceSnapshot.Entry e : race.entries()) {
                if (e.isDetection()) {
                    keys.add(e.mechanism());
                }
            }
            boolean lost = race.kind().equals("cable-pull") || race.kind().startsWith("drop-");
            if (lost && race.targets().stream().anyMatch(t -> t.startsWith("beacon"))) {
                keys.add("beacon");
            }
            if (lost && "kernel".equals(race.backend())) {
                keys.add("os-keepalive");
                keys.add("trap");
                keys.add("user-timeout");
            }
            if (race.kind().equals("drop-to-client")) {
                keys.add("drop-to-client");
            }
            if ("proxy".equals(race.backend())) {
                keys.add("proxy");
            }
            if (race.kind().startsWith("freeze")) {
                keys.add("frozen");
            }
            if (race.entries().stream().anyMatch(e -> !e.isDetection())) {
                keys.add("ends");
            }
            if (keys.isEmpty()) {
                keys.add("none");
            }
        }
        List<Paragraph> paragraphs = new ArrayList<>();
        for (String k : keys) {
            if (TEXTS.containsKey("text." + k)) {
                paragraphs.add(of(k));
            }
        }
        return paragraphs;
    }
}
