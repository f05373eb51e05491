package lab.heartbeat.cli;

import lab.heartbeat.lab.BundledScenarios;

/** {@code run --list}: each bundled scenario's name, then its description wrapped under it. */
final class ScenarioList {
    private static final int WIDTH = 96;
    private static final String INDENT = "    ";

    private ScenarioList() {
    }

    static String format() {
        StringBuilder s = new StringBuilder();
        for (String name : BundledScenarios.names()) {
            s.append(name).append(System.lineSeparator());
            wrap(BundledScenarios.description(name), s);
        }
        return s.toString();
    }

    private static void wrap(String text, StringBuilder s) {
        StringBuilder line = new StringBuilder(INDENT);
        for (String word : text.split("\\s+")) {
            if (line.length() > INDENT.length() && line.length() + 1 + word.length() > WIDTH) {
                s.append(line).append(System.lineSeparator());
                line = new StringBuilder(INDENT);
            }
            line.append(line.length() > INDENT.length() ? " " : "").append(word);
        }
        s.append(line).append(System.lineSeparator());
    }
}
