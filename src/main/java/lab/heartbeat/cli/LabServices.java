package lab.heartbeat.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import lab.heartbeat.control.ControlServer;
import lab.heartbeat.lab.Lab;
import lab.heartbeat.lab.LabMetrics;

/**
 * The services a command serves beside its lab (metrics, the control API), started after the lab
 * and closed with it.
 */
public final class LabServices implements AutoCloseable {
    private LabMetrics metrics;
    private ControlServer control;
    private final List<SocketRelay> relays = new ArrayList<>();

    /** Starts what the options ask for and prints where each listens on stderr. */
    public static LabServices start(Lab lab, ServiceOptions options, PrintWriter err) {
        if (options.controlToken != null && options.control == null) {
            throw new BadInputException("--control-token needs --control");
        }
        LabServices services = new LabServices();
        String option = "--metrics";
        try {
            if (options.metrics != null) {
                InetSocketAddress at = ServiceRelays.insideAddress(ServiceRelays.METRICS, options.metrics);
                services.metrics = LabMetrics.serve(lab, at);
                services.relay(ServiceRelays.METRICS, new InetSocketAddress(at.getAddress(), services.metrics.port()));
                err.println("metrics on http://" + host(options.metrics) + ":" + services.metrics.port() + "/metrics");
            }
            option = "--control";
            if (options.control != null) {
                InetSocketAddress at = ServiceRelays.insideAddress(ServiceRelays.CONTROL, options.control);
                services.control = Options.check("--control-token", () -> startControl(lab, at, options.controlToken));
                services.relay(ServiceRelays.CONTROL, new InetSocketAddress(at.getAddress(), services.control.port()));
                err.println("control API on http://" + host(options.control) + ":" + services.control.port() + "/"
                        + (options.controlToken == null && services.control.token() != null
                        ? " (token " + services.control.token() + ")" : ""));
            }
        } catch (IOException | UncheckedIOException e) {
            services.close();
            InetSocketAddress at = option.equals("--metrics") ? options.metrics : options.control;
            throw new IllegalStateException("cannot listen on " + at + " for " + option + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
        err.flush();
        return services;
    }

    private void relay(String service, InetSocketAddress listening) throws IOException {
        SocketRelay relay = ServiceRelays.intoNamespace(service, listening);
        if (relay != null) {
            relays.add(relay);
        }
    }

    private static ControlServer startControl(Lab lab, InetSocketAddress at, String token) {
        try {
            return ControlServer.start(lab, at, token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String host(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    @Override
    public void close() {
        relays.forEach(SocketRelay::close);
        if (metrics != null) {
            metrics.close();
        }
        if (control != null) {
            try {
                control.close();
            } catch (InterruptedException e) {
                // Closing on the way out of an interrupted command: the lab's close comes next and ends it.
                Thread.currentThread().interrupt();
            }
        }
    }
}
