package lab.heartbeat.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import lab.heartbeat.detect.Preset;
import lab.heartbeat.detect.SweepParams;
import lab.heartbeat.lab.Lab;
import lab.heartbeat.lab.LabConfig;
import lab.heartbeat.telemetry.TelemetryConfig;
import lab.heartbeat.telemetry.TimeBase;
import lab.heartbeat.transport.ServerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code heartbeat-lab server}: the seed-compatible heartbeat server alone, one line per event. */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = {"Runs the heartbeat server alone. It answers every HEARTBEAT (seed 000), sweeps silent "
                + "connections (seeds 000 and 002) and prints one line per event; the first line names the port."})
final class ServerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8898", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--preset", defaultValue = "seed-000",
            description = "Sweep and keepalive settings of a preset: seed-000, seed-001, seed-002, seed-004, grpc, teaching (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--sweep-interval", converter = DurationConverter.class, paramLabel = "D",
            description = "Sweep period, e.g. 3s (overrides the preset; a preset without a sweep starts from 1s x 3).")
    Duration sweepInterval;

    @Option(names = "--sweep-misses", paramLabel = "M", description = "Silent sweeps before a connection is closed (overrides the preset).")
    Integer sweepMisses;

    @Option(names = "--no-sweep", description = "Never close silent connections.")
    boolean noSweep;

    @Mixin
    HeadlessOptions headless = new HeadlessOptions();

    @Mixin
    ServiceOptions services = new ServiceOptions();

    @Override
    public Integer call() throws InterruptedException {
        Duration duration = headless.checkedDuration();
        ServerSettings settings = settings();
        LabConfig config = new LabConfig(settings, null, List.of(), TelemetryConfig.countersOnly(), 2, Duration.ZERO,
                null);
        PrintWriter out = spec.commandLine().getOut();
        TimeBase time = TimeBase.now();
        OrderedEvents events = new OrderedEvents(new EventPrinter(out, headless.json, time));
        Lab lab;
        try {
            lab = Lab.start(config, time, events);
        } catch (InterruptedException e) {
            events.close();
            throw e;
        } catch (Exception e) {
            events.close();
            // Netty rethrows the bind's IOException undeclared, so catch broadly and name the address.
            throw new IllegalStateException("cannot listen on " + bind + ":" + port + ": "
                    + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
        }
        LabRunner.runUntilStopped(lab, services, spec.commandLine().getErr(), duration, events);
        return Main.OK;
    }

    private ServerSettings settings() {
        checkResolves(bind);
        Preset p = Options.preset(preset);
        SweepParams sweep = p.sweep();
        if (sweepInterval != null || sweepMisses != null) {
            SweepParams base = sweep;
            sweep = Options.check("--sweep-interval/--sweep-misses",
                    () -> SweepParams.over(base, sweepInterval, sweepMisses));
        }
        SweepParams chosen = noSweep ? null : sweep;
        return Options.check("--port/--bind", () -> ServerSettings.defaults().withPort(port).withBind(bind)
                .withSweep(chosen).withKeepalive(p.serverKeepalive()));
    }

    private static void checkResolves(String bind) {
        try {
            InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new BadInputException("--bind: '" + bind + "' is neither an IP address nor a host name that "
                    + "resolves; give an address of this machine, e.g. 127.0.0.1 or 0.0.0.0");
        }
    }
}
