package lab.heartbeat.fault;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.Set;

/**
 * A way to break the path between clients and the server: nftables in the kernel, or a relay
 * in front of the server. Clients are named by their source address, so a fault covers every
 * connection a client makes, its reconnections included.
 */
public interface NetworkFaults extends AutoCloseable {

    /** {@code kernel} or {@code proxy}, as reports and the status bar say it. */
    String name();

    /** What a user must know about this backend's faults, or an empty string. */
    String limitation();

    Set<FaultKind> supported();

    /** Where clients must connect so that their traffic passes through this backend. */
    InetSocketAddress clientTarget(InetSocketAddress server);

    /** Applies the fault to these clients; returns once it is in force (the fault's t0). */
    void apply(FaultKind kind, Collection<InetAddress> clients, Latency latency) throws FaultException;

    /** Removes every network fault from these clients (plug in). */
    void clear(Collection<InetAddress> clients) throws FaultException;

    @Override
    void close();
}
