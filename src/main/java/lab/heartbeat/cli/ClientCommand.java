package lab.heartbeat.cli;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import lab.heartbeat.detect.Preset;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.detect.ProfileKind;
import lab.heartbeat.lab.ClientGroup;
import lab.heartbeat.lab.Lab;
import lab.heartbeat.lab.LabConfig;
import lab.heartbeat.telemetry.TelemetryConfig;
import lab.heartbeat.telemetry.TimeBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code heartbeat-lab client}: headless reconnecting clients against a server elsewhere. */
@Command(name = "client", mixinStandardHelpOptions = true,
        description = {"Runs reconnecting clients against a server, one line per event."})
final class ClientCommand implements Callable<Integer> {
    private static final int MAX_COUNT = 100_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--connect", required = true, converter = HostPort.class, paramLabel = "HOST:PORT",
            description = "The server to connect to.")
    InetSocketAddress connect;

    @Option(names = "--count", defaultValue = "1", paramLabel = "N", description = "How many clients (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "app-heartbeat, beacon, os-keepalive, both, user-timeout or phi-accrual (default: the preset's).")
    String profile;

    @Option(names = "--preset", defaultValue = "seed-000", paramLabel = "NAME",
            description = "Parameters: seed-000, seed-001, seed-002, seed-004, grpc, teaching (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a profile parameter, e.g. heartbeatInterval=1s.")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--name", defaultValue = "client", description = "Client name prefix (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--seed", description = "Seed of the backoff jitter, for repeatable runs.")
    Long seed;

    @Mixin
    HeadlessOptions headless = new HeadlessOptions();

    @Mixin
    ServiceOptions services = new ServiceOptions();

    @Override
    public Integer call() throws InterruptedException {
        Duration duration = headless.checkedDuration();
        if (count < 1 || count > MAX_COUNT) {
            throw new BadInputException("--count must be between 1 and " + MAX_COUNT + ": " + count);
        }
        Preset p = Options.preset(preset);
        ProfileKind kind = profile == null ? p.defaultKind() : Options.check("--profile", () -> ProfileKind.ofLabel(profile));
        Profile chosen = Options.check("--set", () -> Profile.of(kind, p).withOverrides(overrides));
        ClientGroup group = Options.check("--name", () -> new ClientGroup(name, count, chosen));
        LabConfig config = new LabConfig(null, connect, List.of(group), TelemetryConfig.countersOnly(),
                Math.min(2, Runtime.getRuntime().availableProcessors()), Duration.ZERO, seed);
        PrintWriter out = spec.commandLine().getOut();
        if (connect.isUnresolved()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("note: " + connect.getHostString() + " does not resolve; the clients keep retrying with "
                    + "backoff, as they do while a server is down");
            err.flush();
        }
        TimeBase time = TimeBase.now();
        OrderedEvents events = new OrderedEvents(new EventPrinter(out, headless.json, time));
        Lab lab;
        try {
            lab = Lab.start(config, time, events);
        } catch (InterruptedException | RuntimeException e) {
            events.close();
            throw e;
        }
        LabRunner.runUntilStopped(lab, services, spec.commandLine().getErr(), duration, events);
        return Main.OK;
    }
}
