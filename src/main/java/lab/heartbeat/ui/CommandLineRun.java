package lab.heartbeat.ui;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.IntConsumer;
import javafx.beans.value.ChangeListener;
import lab.heartbeat.lab.RunResult;
import lab.heartbeat.ui.scenario.ScenarioModel;

/**
 * What {@code heartbeat-lab dashboard --scenario NAME|FILE [--export DIR] [--exit]} asks of the
 * window: run the scenario at once as the Scenario menu does, export the run when it ends as
 * "Export run…" does, and close with an exit code (0 done, 1 the run or its export failed).
 *
 * @param scenario a scenario file or a bundled scenario's name, or null for none
 * @param export   where the finished run goes, or null for nowhere
 */
public record CommandLineRun(String scenario, Path export, boolean exit) {
    /** No scenario, nothing to export: the plain dashboard. */
    public static final CommandLineRun NONE = new CommandLineRun(null, null, false);

    /**
     * Reads the options the {@code dashboard} command passes on ({@code --scenario S --export D
     * --exit}); the others (the lab services' {@code --metrics}, {@code --control}) are not its own
     * and were checked by the command line already.
     */
    public static CommandLineRun parse(String[] args) {
        String scenario = null;
        Path export = null;
        boolean exit = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--scenario" -> scenario = value(args, ++i);
                case "--export" -> export = Path.of(value(args, ++i));
                case "--exit" -> exit = true;
                default -> {
                }
            }
        }
        return new CommandLineRun(scenario, export, exit);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    /**
     * Starts the scenario on a shown dashboard; when the run ends, exports it and then hands the exit
     * code to {@code exit} if asked to close. Call on the FX thread.
     */
    void start(ScenarioModel scenarios, IntConsumer exitWith, PrintStream err) {
        if (scenario == null) {
            return;
        }
        scenarios.runningProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean running) {
                if (was && !running) {
                    scenarios.runningProperty().removeListener(this);
                    finished(scenarios, scenarios.resultProperty().get(), exitWith, err);
                }
            }
        });
        scenarios.runBundled(scenario);
    }

    private void finished(ScenarioModel scenarios, RunResult result, IntConsumer exitWith, PrintStream err) {
        if (result == null) {
            err.println("error: " + scenarios.statusProperty().get());
            if (exit) {
                exitWith.accept(1);
            }
            return;
        }
        if (export == null) {
            if (exit) {
                exitWith.accept(0);
            }
            return;
        }
        scenarios.export(export).whenComplete((files, error) -> {
            if (error != null) {
                err.println("error: " + scenarios.statusProperty().get());
            }
            if (exit) {
                exitWith.accept(error == null ? 0 : 1);
            }
        });
    }
}
