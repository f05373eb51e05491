package lab.heartbeat.fault;

import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.util.Locale;
import lab.heartbeat.transport.Transports;

/** Opens the network fault backend a {@link FaultBackendChoice} asks for, and says why it is that one. */
public final class FaultBackends {

    /** The backend opened, null for none, and why it was chosen, in a sentence for the status bar and the report. */
    public record Opened(NetworkFaults faults, String note) {}

    private FaultBackends() {
    }

    /**
     * Opens the backend for a server on this address: {@code auto} prefers the kernel and falls back to the
     * proxy, {@code kernel} refuses to fall back.
     *
     * @throws IllegalStateException when {@code kernel} was chosen and kernel faults are unavailable
     */
    public static Opened open(FaultBackendChoice choice, InetSocketAddress server, boolean allowHostFirewall,
            EventLoopGroup group, Transports transport) throws InterruptedException {
        if (choice == FaultBackendChoice.NONE) {
            return new Opened(null, "no network faults (fault backend none)");
        }
        String note;
        if (choice != FaultBackendChoice.PROXY) {
            String why = kernelUnavailable(server);
            if (why == null) {
                try {
                    NftablesFaults kernel = NftablesFaults.open(server.getPort(), allowHostFirewall);
                    return new Opened(kernel, "kernel faults with nftables (table " + kernel.table() + ")");
                } catch (FaultException e) {
                    why = e.getMessage();
                }
            }
            if (choice == FaultBackendChoice.KERNEL) {
                throw new IllegalStateException("kernel faults are unavailable: " + why);
            }
            note = "proxy faults, because kernel faults are unavailable: " + why;
        } else {
            note = "proxy faults (chosen)";
        }
        return new Opened(ProxyFaults.start(group, transport, server), note);
    }

    private static String kernelUnavailable(InetSocketAddress server) {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return "nftables exists only on Linux";
        }
        if (!server.getAddress().isLoopbackAddress()) {
            return "the server is not on loopback, so clients cannot each have their own address";
        }
        return null;
    }
}
