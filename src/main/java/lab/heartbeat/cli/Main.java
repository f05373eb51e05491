package lab.heartbeat.cli;

import java.io.PrintWriter;
import java.util.List;
import lab.heartbeat.lab.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code heartbeat-lab} command line: the contract that scripts and tests rely on. */
@Command(name = "heartbeat-lab", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "A lab for network resilience: a TCP heartbeat server, reconnecting clients and the failure "
                + "detectors they race.",
        subcommands = {RunCommand.class, ServerCommand.class, ClientCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:runtime failure", "2:bad arguments or a bad scenario"})
public final class Main implements Runnable {

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        if (wantsSandbox(args)) {
            var code = Sandbox.rerunInside(args, err);
            if (code.isPresent()) {
                System.exit(code.get());
            }
        }
        if (Sandbox.inside()) {
            Sandbox.bringLoopbackUp();
        }
        System.exit(execute(args, out, err));
    }

    /**
     * Local-only labs (a scenario run) go into a private namespace; the server and client commands
     * talk to other processes, so they stay in the host's.
     */
    static boolean wantsSandbox(String[] args) {
        List<String> all = List.of(args);
        return !all.isEmpty() && all.get(0).equals("run") && !all.contains("--no-sandbox") && !all.contains("--help")
                && !all.contains("-h") && !all.contains("--list");
    }

    /** Runs one command line with the given streams and returns its exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ScenarioException || e instanceof BadInputException) {
                err.println("error: " + e.getMessage());
                return BAD_INPUT;
            }
            err.println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return FAILURE;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
