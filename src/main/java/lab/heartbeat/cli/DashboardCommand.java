package lab.heartbeat.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import lab.heartbeat.lab.BundledScenarios;
import lab.heartbeat.lab.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code heartbeat-lab dashboard}: the window, optionally running a scenario at once, exporting it and closing. */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = "Open the dashboard (what heartbeat-lab does without a command). With --scenario it runs "
                + "that scenario at once, as the Scenario menu does.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok (the window closed, or --exit after the export)", "1:the run or its export failed",
                "2:bad arguments or a bad scenario"})
final class DashboardCommand implements Callable<Integer> {

    @Option(names = "--scenario", paramLabel = "NAME|FILE",
            description = "A scenario file or a bundled scenario (see run --list) to run as the window opens.")
    String scenario;

    @Option(names = "--export", paramLabel = "DIR", description = "When the run ends, write there what Export run… "
            + "writes: report.json, timeseries.csv, a PNG per chart and race-<fault id>.png per fault.")
    Path export;

    @Option(names = "--exit", description = "Close the window once the run has ended (and been exported).")
    boolean exit;

    @Mixin
    ServiceOptions services = new ServiceOptions();

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Override
    public Integer call() throws ScenarioException {
        if (scenario == null && (export != null || exit)) {
            throw new BadInputException("--export and --exit need a --scenario to run");
        }
        if (scenario != null) {
            // Read once here, so that a bad scenario ends with the reader's message and code 2 before any window.
            BundledScenarios.read(Path.of(scenario));
        }
        // Checked here; the dashboard reads its options and the services' again from the same words.
        return main.openDashboard(spec.commandLine().getParseResult().originalArgs().toArray(String[]::new));
    }
}
