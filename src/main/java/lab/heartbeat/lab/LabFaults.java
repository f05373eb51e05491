package lab.heartbeat.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lab.heartbeat.fault.FaultException;
import lab.heartbeat.fault.FaultKind;
import lab.heartbeat.fault.Latency;
import lab.heartbeat.fault.NetworkFaults;
import lab.heartbeat.telemetry.EventKind;
import lab.heartbeat.telemetry.Telemetry;
import lab.heartbeat.transport.HeartbeatServer;
import lab.heartbeat.transport.ReconnectingClient;
import lab.heartbeat.transport.ServerConnection;

/**
 * Makes and clears a lab's faults: network faults through the backend, freezes and resets inside the
 * applications, and records each in the lab's {@link FaultBook}.
 */
final class LabFaults {
    private final NetworkFaults networkFaults;
    private final String backendNote;
    private final HeartbeatServer server;
    private final ClientRegistry clients;
    private final Telemetry telemetry;
    private final FaultBook book;

    LabFaults(NetworkFaults networkFaults, String backendNote, HeartbeatServer server, ClientRegistry clients,
            Telemetry telemetry, FaultBook book) {
        this.networkFaults = networkFaults;
        this.backendNote = backendNote;
        this.server = server;
        this.clients = clients;
        this.telemetry = telemetry;
        this.book = book;
    }

    String whyUnavailable(FaultKind kind) {
        if (kind == FaultKind.SERVER_RESTART && server == null) {
            return "no embedded server to restart";
        }
        if (!kind.network()) {
            return null;
        }
        if (networkFaults == null) {
            return backendNote;
        }
        return networkFaults.supported().contains(kind) ? null
                : "the " + networkFaults.name() + " backend cannot make " + kind.label();
    }

    FaultRecord inject(FaultKind kind, String target, Latency latency) throws FaultException {
        String why = whyUnavailable(kind);
        if (why != null) {
            throw new FaultException(kind.label() + " is unavailable: " + why);
        }
        List<ReconnectingClient> victims = clients.select(target);
        if (victims.isEmpty() && kind != FaultKind.SERVER_RESTART) {
            throw new FaultException("no client matches '" + target + "'");
        }
        List<String> names = victims.stream().map(ReconnectingClient::name).toList();
        long start = telemetry.now();
        String backend;
        switch (kind) {
            case CABLE_PULL, DROP_TO_SERVER, DROP_TO_CLIENT, LATENCY -> {
                networkFaults.apply(kind, victims.stream().map(ReconnectingClient::localAddress).toList(),
                        latency == null ? Latency.NONE : latency);
                backend = networkFaults.name();
            }
            case FREEZE_CLIENT -> {
                victims.forEach(c -> c.freeze(true));
                backend = "in-process";
            }
            case FREEZE_SERVER -> {
                serverConnectionsOf(names).forEach(c -> c.freeze(true));
                backend = "in-process";
            }
            case RESET -> {
                serverConnectionsOf(names).forEach(c -> c.reset("reset by fault"));
                backend = "in-process";
            }
            case SERVER_RESTART -> backend = "in-process";
            default -> throw new IllegalStateException("unhandled fault " + kind);
        }
        // A network fault is in force once its rules are; an in-process one runs on the event loops as soon
        // as it is handed over, possibly before this thread reads the clock again (a reset's ends then came
        // before a later t0 and belonged to no fault).
        long t0 = kind.network() ? telemetry.now() : start;
        List<String> targets = kind == FaultKind.SERVER_RESTART ? clients.names() : names;
        String made = backend;
        FaultRecord record = book.add(id -> new FaultRecord(id, kind, made, targets, t0, t0 - start, latency));
        telemetry.action(EventKind.FAULT_INJECTED, target, record.name() + " " + kind.label() + " (" + backend + ") on "
                + names.size() + " client(s), in force after " + TimeUnit.NANOSECONDS.toMicros(t0 - start) + " µs");
        return record;
    }

    private List<ServerConnection> serverConnectionsOf(List<String> names) {
        return server == null ? List.of()
                : server.connections().stream().filter(c -> names.contains(c.id().client())).toList();
    }

    List<FaultRecord> plugIn(String target) throws FaultException {
        List<ReconnectingClient> victims = clients.select(target);
        if (networkFaults != null) {
            networkFaults.clear(victims.stream().map(ReconnectingClient::localAddress).toList());
        }
        return clearRecords(victims, true);
    }

    List<FaultRecord> unfreeze(String target) {
        List<ReconnectingClient> victims = clients.select(target);
        victims.forEach(c -> c.freeze(false));
        serverConnectionsOf(victims.stream().map(ReconnectingClient::name).toList()).forEach(c -> c.freeze(false));
        return clearRecords(victims, false);
    }

    private List<FaultRecord> clearRecords(List<ReconnectingClient> victims, boolean network) {
        long now = telemetry.now();
        List<FaultRecord> cleared = new ArrayList<>();
        for (ReconnectingClient c : victims) {
            for (FaultRecord f : book.active(c.name())) {
                boolean freeze = f.kind() == FaultKind.FREEZE_CLIENT || f.kind() == FaultKind.FREEZE_SERVER;
                if (network ? f.kind().network() : freeze) {
                    f.cleared(now);
                    if (!cleared.contains(f)) {
                        cleared.add(f);
                    }
                }
            }
        }
        for (FaultRecord f : cleared) {
            telemetry.action(EventKind.FAULT_CLEARED, String.join(",", f.targets()), f.name() + " " + f.kind().label());
        }
        return cleared;
    }

    FaultRecord restartServer(Duration down) throws InterruptedException {
        if (server == null) {
            throw new IllegalStateException("this lab has no embedded server to restart");
        }
        FaultRecord record;
        try {
            record = inject(FaultKind.SERVER_RESTART, ClientNames.ALL, null);
        } catch (FaultException impossible) {
            throw new IllegalStateException(impossible);
        }
        server.stop();
        TimeUnit.NANOSECONDS.sleep(down.toNanos());
        server.start();
        record.cleared(telemetry.now());
        telemetry.action(EventKind.FAULT_CLEARED, ClientNames.ALL, record.name() + " server back after "
                + down.toMillis() + " ms");
        return record;
    }
}
