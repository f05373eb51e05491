package lab.heartbeat.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import lab.heartbeat.fault.FaultBackendChoice;
import lab.heartbeat.lab.Lab;
import lab.heartbeat.lab.ReportWriter;
import lab.heartbeat.lab.RunResult;
import lab.heartbeat.lab.ScenarioException;
import lab.heartbeat.lab.ScenarioPlan;
import lab.heartbeat.lab.ScenarioPlan.PlannedStep;
import lab.heartbeat.lab.BundledScenarios;
import lab.heartbeat.lab.ScenarioRunner;
import lab.heartbeat.telemetry.TimeBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code heartbeat-lab run}: a scenario, headless, with its detections table and report files. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a scenario headless: builds its lab, follows its timeline, prints the detections, "
                + "and writes report.json and timeseries.csv."})
final class RunCommand implements Callable<Integer> {
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO.yaml", arity = "0..1",
            description = "The scenario file, or the name of a bundled scenario (see --list).")
    Path scenario;

    @Option(names = "--list", description = "List the bundled scenarios and exit.")
    boolean list;

    @Option(names = "--out", defaultValue = ".", paramLabel = "DIR",
            description = "Where report.json and timeseries.csv go (default: the current folder).")
    Path out;

    @Option(names = "--json", description = "Events as JSON lines on stdout; the table then goes to stderr.")
    boolean json;

    @Option(names = "--fault-backend", paramLabel = "B",
            description = "kernel, proxy or auto (default: the scenario's, else auto: kernel when it can, else proxy).")
    String faultBackend;

    @Option(names = "--no-sandbox", description = "Run in the host's network namespace; kernel faults then need root or "
            + "CAP_NET_ADMIN and change the host's nftables (in a table of their own, removed at exit).")
    boolean noSandbox;

    @Mixin
    ServiceOptions services = new ServiceOptions();

    @Override
    public Integer call() throws ScenarioException, InterruptedException, IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        if (list) {
            stdout.print(ScenarioList.format());
            stdout.flush();
            return Main.OK;
        }
        if (scenario == null) {
            throw new BadInputException("name a scenario file or a bundled scenario (" + String.join(", ",
                    BundledScenarios.names()) + ")");
        }
        ScenarioPlan plan = BundledScenarios.read(scenario);
        OutputFolder.check(out);
        if (faultBackend != null || noSandbox) {
            FaultBackendChoice choice = faultBackend == null ? plan.config().faultBackend()
                    : Options.check("--fault-backend", () -> FaultBackendChoice.ofLabel(faultBackend));
            plan = plan.withConfig(plan.config().withFaults(choice, noSandbox));
        }
        PrintWriter stderr = spec.commandLine().getErr();
        TimeBase time = TimeBase.now();
        try (StopOnSignal signals = new StopOnSignal()) {
            OrderedEvents events = new OrderedEvents(new EventPrinter(stdout, json, time));
            RunResult result;
            try (Progress progress = new Progress(stderr, services)) {
                result = ScenarioRunner.run(plan, time, events, progress);
            } finally {
                signals.runReturned();
                events.close();
            }
            PrintWriter tableOut = json ? stderr : stdout;
            tableOut.print(DetectionTable.format(result));
            var files = ReportWriter.write(result, out);
            tableOut.println("wrote " + files.get(0) + " and " + files.get(1)
                    + (result.completed() ? "" : " (stopped before the scenario's end: completed is false)"));
            tableOut.flush();
        }
        return Main.OK;
    }

    /** A line on stderr every few seconds, so a long run is visibly alive. */
    private static final class Progress implements ScenarioRunner.Progress, AutoCloseable {
        private final PrintWriter err;
        private final ServiceOptions options;
        private LabServices services;
        private Duration lastShown = Duration.ZERO;
        private Duration waitShown = Duration.ZERO;

        Progress(PrintWriter err, ServiceOptions options) {
            this.err = err;
            this.options = options;
        }

        @Override
        public void started(Lab lab) {
            err.println("running on " + lab.target() + " (" + lab.transport().label() + ")");
            services = LabServices.start(lab, options, err);
        }

        @Override
        public void close() {
            if (services != null) {
                services.close();
            }
        }

        @Override
        public void clientsUp(int up, int total, Duration waited) {
            if (up == total) {
                err.printf("timeline starts: %d client(s) up and named by the server after %d ms%n", total,
                        waited.toMillis());
            } else if (waited.minus(waitShown).compareTo(Duration.ofSeconds(1)) >= 0) {
                waitShown = waited;
                err.printf("waiting for the clients: %d of %d up after %d s%n", up, total, waited.toSeconds());
            } else {
                return;
            }
            err.flush();
        }

        @Override
        public void step(PlannedStep step, Duration elapsed) {
        }

        @Override
        public void waiting(Duration elapsed, Duration total) {
            if (elapsed.minus(lastShown).compareTo(PROGRESS_EVERY) >= 0) {
                lastShown = elapsed;
                err.printf("progress: %d s of %d s%n", elapsed.toSeconds(), total.toSeconds());
                err.flush();
            }
        }
    }
}
