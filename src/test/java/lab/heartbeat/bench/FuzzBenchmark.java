package lab.heartbeat.bench;

import java.time.Duration;
import java.util.List;
import lab.heartbeat.detect.Presets;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.detect.ProfileKind;
import lab.heartbeat.lab.ClientGroup;
import lab.heartbeat.lab.Lab;
import lab.heartbeat.lab.LabConfig;
import lab.heartbeat.protocol.FrameDecoder;
import lab.heartbeat.telemetry.EndpointView;
import lab.heartbeat.testing.ProtocolFuzzer;
import lab.heartbeat.transport.ServerSettings;

/**
 * The full fuzz run: {@code FuzzBenchmark [CASES] [SEED]} (10,000 and 2026 by default) against a
 * lab with 10 of our clients, printing the failures, the median time to close a malformed
 * connection, and what our clients saw.
 */
public final class FuzzBenchmark {
    private FuzzBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 2026;
        Profile healthy = Profile.of(ProfileKind.APP_HEARTBEAT, Presets.teaching());
        ServerSettings server = ServerSettings.defaults().withPort(0).withSweep(Presets.teaching().sweep());
        try (Lab lab = Lab.start(LabConfig.embedded(server, List.of(new ClientGroup("ours", 10, healthy))))) {
            Waits.until("our clients up", Duration.ofSeconds(30), Duration.ofMillis(100),
                    () -> lab.telemetry().snapshot().clientsUp() == 10, null);
            long start = System.nanoTime();
            ProtocolFuzzer.Result result = new ProtocolFuzzer(lab.target(), FrameDecoder.DEFAULT_MAX_FRAME_BYTES, seed)
                    .run(cases);
            double seconds = (System.nanoTime() - start) / 1e9;
            List<EndpointView> ours = lab.telemetry().snapshot().clients();
            System.out.printf("cases %d in %.1f s, seed %d%n", cases, seconds, seed);
            System.out.printf("failures %d%s%n", result.failures().size(),
                    result.failures().isEmpty() ? "" : ", first: " + result.failures().get(0));
            System.out.printf("malformed closed %d, median %.2f ms after the last byte%n",
                    result.closeNanos().length, result.medianCloseMs());
            System.out.printf("our clients: %d up, %d detections, %d reconnections%n",
                    ours.stream().filter(EndpointView::online).count(), lab.telemetry().detections().size(),
                    ours.stream().mapToLong(c -> c.connections() - 1).sum());
        }
    }
}
