package lab.heartbeat.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import lab.heartbeat.lab.Lab;
import lab.heartbeat.lab.LabMetrics;

/** The services a command serves beside its lab (metrics), started after the lab and closed with it. */
final class LabServices implements AutoCloseable {
    private LabMetrics metrics;

    /** Starts what the options ask for and prints where each listens on stderr. */
    static LabServices start(Lab lab, ServiceOptions options, PrintWriter err) {
        LabServices services = new LabServices();
        try {
            if (options.metrics != null) {
                services.metrics = LabMetrics.serve(lab, options.metrics);
                err.println("metrics on http://" + hostOf(options) + ":" + services.metrics.port() + "/metrics");
            }
        } catch (IOException e) {
            services.close();
            throw new UncheckedIOException("cannot listen on " + options.metrics + " for --metrics: " + e.getMessage(),
                    e);
        }
        err.flush();
        return services;
    }

    private static String hostOf(ServiceOptions options) {
        String host = options.metrics.getAddress().getHostAddress();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    @Override
    public void close() {
        if (metrics != null) {
            metrics.close();
        }
    }
}
