package lab.heartbeat.cli;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import lab.heartbeat.fault.HostFirewall;
import lab.heartbeat.lab.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code heartbeat-lab} command line: the contract that scripts and tests rely on. */
@Command(name = "heartbeat-lab", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "A lab for network resilience: a TCP heartbeat server, reconnecting clients and the failure "
                + "detectors they race.",
        subcommands = {RunCommand.class, ServerCommand.class, ClientCommand.class, DashboardCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:runtime failure", "2:bad arguments or a bad scenario"})
public final class Main implements Runnable {

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int BAD_INPUT = 2;
    private static final String DASHBOARD = "lab.heartbeat.ui.DashboardLauncher";
    /**
     * Libraries that log through java.util.logging: JavaFX warns that it was loaded from the class
     * path, where the application is meant to run (see STACK.md); Netty, which refuses SLF4J's
     * no-op provider, warns in a namespace without a MAC address. A user sees the program's own
     * lines; an error of theirs still shows. Held here so that the levels set are not collected.
     */
    private static final List<Logger> LIBRARY_LOGS = List.of(Logger.getLogger("javafx"), Logger.getLogger("io.netty"));

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--no-sandbox", description = "Open the dashboard in the host's network namespace: "
            + "as root (CAP_NET_ADMIN) kernel faults then change the host's nftables, in a table of their own removed at "
            + "exit; otherwise the proxy backend is used, and the status line says why.")
    boolean noSandbox;

    @CommandLine.Mixin
    ServiceOptions services = new ServiceOptions();

    public static void main(String[] args) {
        quietLibraries();
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
            Sandbox.dieWithParent(err);
        }
        System.exit(execute(args, out, err));
    }

    /**
     * Local-only labs (a scenario run, the dashboard with no command) go into a private namespace;
     * the server and client commands talk to other processes, so they stay in the host's. The
     * dashboard stays in the host's too when its display is reached over TCP, which a private
     * network namespace cannot reach (a local X11 or Wayland socket is a file and works).
     */
    static boolean wantsSandbox(String[] args) {
        return wantsSandbox(args, System.getenv("DISPLAY"));
    }

    static boolean wantsSandbox(String[] args, String display) {
        List<String> all = List.of(args);
        if (all.isEmpty() || all.get(0).equals("dashboard")) {
            return !displayOverNetwork(display);
        }
        return all.get(0).equals("run") && !all.contains("--no-sandbox") && !all.contains("--help")
                && !all.contains("-h") && !all.contains("--list");
    }

    /** {@code host:n} or {@code localhost:10.0} (SSH forwarding) is TCP; {@code :0} and {@code unix:0} are sockets. */
    static boolean displayOverNetwork(String display) {
        if (display == null || display.isBlank()) {
            return false;
        }
        int colon = display.lastIndexOf(':');
        String host = colon < 0 ? display : display.substring(0, colon);
        return !host.isEmpty() && !host.equals("unix") && !host.startsWith("/");
    }

    /** Runs one command line with the given streams and returns its exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        if (args.length == 0) {
            // Nothing to parse: the dashboard, without building the command line's model first
            // (about 0.15 s of a cold start, on the way to the first frame).
            return dashboard(err);
        }
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> failed(e, err));
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static int dashboard(PrintWriter err) {
        try {
            new Main().run();
            return OK;
        } catch (RuntimeException e) {
            int code = failed(e, err);
            err.flush();
            return code;
        }
    }

    private static int failed(Exception e, PrintWriter err) {
        if (e instanceof ScenarioException || e instanceof BadInputException) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        }
        err.println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        return FAILURE;
    }

    /** Without a command: the dashboard, which blocks until its window is closed. */
    @Override
    public void run() {
        // Its options (--metrics, --control) are checked here already; the dashboard reads them again.
        openDashboard(spec == null ? new String[0]
                : spec.commandLine().getParseResult().originalArgs().toArray(String[]::new));
    }

    /**
     * Opens the dashboard with these options (no command's, or the {@code dashboard} command's), with
     * {@code --no-sandbox} given before either; its exit code once its window closes.
     */
    int openDashboard(String[] options) {
        if (noSandbox) {
            HostFirewall.optIn();
        }
        try {
            // By name: the command line sits below the UI and must not depend on it (ArchitectureTest).
            return (int) Class.forName(DASHBOARD).getMethod("run", String[].class).invoke(null, (Object) options);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the dashboard could not start: " + rootMessage(e.getCause())
                    + " (the headless commands are: run, server, client; see --help)", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the dashboard is not in this build: " + e, e);
        }
    }

    static void quietLibraries() {
        LIBRARY_LOGS.forEach(log -> log.setLevel(Level.SEVERE));
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
