package lab.heartbeat.cli;

import java.net.InetSocketAddress;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** What every command that runs a lab can serve beside it: Prometheus metrics and the control API. */
public final class ServiceOptions {

    @Option(names = "--metrics", converter = ListenAddress.class, paramLabel = "[HOST:]PORT",
            description = "Serve Prometheus metrics at http://HOST:PORT/metrics (loopback unless a host is given).")
    InetSocketAddress metrics;

    @Option(names = "--control", converter = ListenAddress.class, paramLabel = "[HOST:]PORT",
            description = "Serve the control API (JSON over HTTP, docs/API.md) at HOST:PORT (loopback unless a host "
                    + "is given; any other address needs a token).")
    InetSocketAddress control;

    @Option(names = "--control-token", paramLabel = "TOKEN",
            description = "The token every control request must carry (Authorization: Bearer TOKEN); default: none on "
                    + "loopback, a generated one printed at start elsewhere.")
    String controlToken;

    /** These options among a command line's (the dashboard's, whose other options are not these). */
    public static ServiceOptions of(String... args) {
        ServiceOptions options = new ServiceOptions();
        // Without these options picocli is not built: its model took some 0.3 s of the dashboard's
        // start, once in the sandbox's parent and again in its child, before the first frame.
        if (java.util.Arrays.stream(args).noneMatch(a -> a.startsWith("--metrics") || a.startsWith("--control"))) {
            return options;
        }
        new CommandLine(options).setUnmatchedArgumentsAllowed(true).parseArgs(args);
        return options;
    }
}
