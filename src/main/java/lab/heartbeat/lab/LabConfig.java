package lab.heartbeat.lab;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import lab.heartbeat.fault.FaultBackendChoice;
import lab.heartbeat.telemetry.TelemetryConfig;
import lab.heartbeat.transport.ServerSettings;

/**
 * Everything a {@link Lab} is built from: the embedded server (null when the clients connect to an
 * outside server at {@code connect}), the client groups, telemetry, I/O threads, how often the
 * kernel's TCP state is sampled, the seed of the backoff jitter (null for a random seed), which
 * backend makes network faults, and whether the kernel backend may change the host's firewall
 * (only when the user asked for it with --no-sandbox).
 */
public record LabConfig(ServerSettings server, InetSocketAddress connect, List<ClientGroup> groups,
        TelemetryConfig telemetry, int ioThreads, Duration kernelSampleInterval, Long jitterSeed,
        FaultBackendChoice faultBackend, boolean allowHostFirewall) {

    /** A lab without network faults. */
    public LabConfig(ServerSettings server, InetSocketAddress connect, List<ClientGroup> groups,
            TelemetryConfig telemetry, int ioThreads, Duration kernelSampleInterval, Long jitterSeed) {
        this(server, connect, groups, telemetry, ioThreads, kernelSampleInterval, jitterSeed, FaultBackendChoice.NONE,
                false);
    }

    public LabConfig {
        if ((server == null) == (connect == null)) {
            throw new IllegalArgumentException("a lab needs either an embedded server or an address to connect to");
        }
        groups = List.copyOf(groups);
        if (groups.stream().map(ClientGroup::name).distinct().count() != groups.size()) {
            throw new IllegalArgumentException("group names must be unique: " + groups.stream().map(ClientGroup::name).toList());
        }
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads must be at least 1: " + ioThreads);
        }
        if (kernelSampleInterval == null || kernelSampleInterval.isNegative()) {
            throw new IllegalArgumentException("kernelSampleInterval must be zero or positive: " + kernelSampleInterval);
        }
        if (faultBackend == null) {
            throw new IllegalArgumentException("faultBackend must be auto, kernel, proxy or none");
        }
        if (server == null && faultBackend != FaultBackendChoice.NONE) {
            throw new IllegalArgumentException("network faults need the embedded server: faultBackend must be none");
        }
    }

    /** A lab with an embedded server and these groups, with the dashboard's telemetry. */
    public static LabConfig embedded(ServerSettings server, List<ClientGroup> groups) {
        return new LabConfig(server, null, groups, TelemetryConfig.defaults(), 2, Duration.ofMillis(500), null);
    }

    /** Clients only, for a server elsewhere. */
    public static LabConfig remote(InetSocketAddress connect, List<ClientGroup> groups) {
        return new LabConfig(null, connect, groups, TelemetryConfig.countersOnly(), 2, Duration.ZERO, null);
    }

    public LabConfig withTelemetry(TelemetryConfig newTelemetry) {
        return new LabConfig(server, connect, groups, newTelemetry, ioThreads, kernelSampleInterval, jitterSeed,
                faultBackend, allowHostFirewall);
    }

    public LabConfig withJitterSeed(Long seed) {
        return new LabConfig(server, connect, groups, telemetry, ioThreads, kernelSampleInterval, seed, faultBackend,
                allowHostFirewall);
    }

    public LabConfig withIoThreads(int threads) {
        return new LabConfig(server, connect, groups, telemetry, threads, kernelSampleInterval, jitterSeed,
                faultBackend, allowHostFirewall);
    }

    public LabConfig withKernelSampleInterval(Duration interval) {
        return new LabConfig(server, connect, groups, telemetry, ioThreads, interval, jitterSeed, faultBackend,
                allowHostFirewall);
    }

    public LabConfig withFaults(FaultBackendChoice choice, boolean mayChangeHostFirewall) {
        return new LabConfig(server, connect, groups, telemetry, ioThreads, kernelSampleInterval, jitterSeed, choice,
                mayChangeHostFirewall);
    }

    public LabConfig withGroups(List<ClientGroup> newGroups) {
        return new LabConfig(server, connect, newGroups, telemetry, ioThreads, kernelSampleInterval, jitterSeed,
                faultBackend, allowHostFirewall);
    }
}
