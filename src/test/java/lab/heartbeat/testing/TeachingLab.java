package lab.heartbeat.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lab.heartbeat.detect.Presets;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.detect.ProfileKind;
import lab.heartbeat.fault.FaultBackendChoice;
import lab.heartbeat.lab.ClientGroup;
import lab.heartbeat.lab.Lab;
import lab.heartbeat.lab.LabConfig;
import lab.heartbeat.telemetry.Detection;
import lab.heartbeat.transport.ServerSettings;

/** Labs built from the teaching preset, as the fault tests need them. */
public final class TeachingLab {
    private TeachingLab() {
    }

    public static Profile profile(ProfileKind kind) {
        return Profile.of(kind, Presets.teaching());
    }

    public static Profile profile(ProfileKind kind, Map<String, String> overrides) {
        return profile(kind).withOverrides(overrides);
    }

    /** The teaching server (sweep 1 s x 3, keepalive 2/1/3) with one client per named group. */
    public static LabConfig config(FaultBackendChoice backend, Map<String, Profile> groups) {
        ServerSettings server = ServerSettings.defaults().withPort(0).withSweep(Presets.teaching().sweep())
                .withKeepalive(Presets.teaching().serverKeepalive());
        List<ClientGroup> list = new ArrayList<>();
        groups.forEach((name, profile) -> list.add(new ClientGroup(name, 1, profile)));
        return LabConfig.embedded(server, list).withFaults(backend, false).withKernelSampleInterval(
                Duration.ofMillis(100)).withJitterSeed(11L);
    }

    /**
     * Whether every client is up and has been for at least {@code settled}, and the embedded server has
     * accepted each and knows its name (from HELLO): a client is up once the kernel completes its
     * handshake, and the first server of a cold JVM on a busy machine may take a second or two more,
     * while a fault on the server's side finds a connection by that name.
     */
    public static boolean settled(Lab lab, Duration settled) {
        long now = lab.telemetry().now();
        var snapshot = lab.telemetry().snapshot();
        var clients = snapshot.clients();
        return !clients.isEmpty() && clients.stream().allMatch(c -> c.online()
                && now - c.connectedNanos() >= settled.toNanos())
                && (lab.server() == null || snapshot.serverConnections().stream().map(c -> c.client())
                        .collect(java.util.stream.Collectors.toSet())
                        .containsAll(clients.stream().map(c -> c.client()).toList()));
    }

    public static String describe(Detection d, long t0) {
        return String.format("%s %s %s measured %.1f ms predicted %s", d.client(), d.side(), d.cause(),
                d.measuredMsAfter(t0), d.hasPrediction() ? String.format("%.1f ms", d.predictedMsAfter(t0)) : "-");
    }
}
