package lab.heartbeat.cli;

import java.net.InetSocketAddress;
import picocli.CommandLine.Option;

/** What every command that runs a lab can serve beside it: Prometheus metrics. */
final class ServiceOptions {

    @Option(names = "--metrics", converter = ListenAddress.class, paramLabel = "[HOST:]PORT",
            description = "Serve Prometheus metrics at http://HOST:PORT/metrics (loopback unless a host is given).")
    InetSocketAddress metrics;
}
