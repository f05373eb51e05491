package lab.heartbeat.control;

import lab.heartbeat.telemetry.EndpointView;
import lab.heartbeat.transport.KernelTcpInfo;

/**
 * One client as {@code GET /clients} lists it: its group, profile, state and counters; the kernel's
 * figures and the RTT null when unknown, {@code lastDetection} the mechanism of its last one.
 */
public record ClientJson(String name, String group, String profile, String state, boolean connected,
        long connections, long reconnects, long heartbeatsSent, long acksReceived, int misses, Double rttMs,
        Integer kernelProbes, Long kernelRetransmits, Long kernelUnacked, String lastDetection) {

    static ClientJson of(EndpointView c, String group) {
        KernelTcpInfo k = c.kernel();
        return new ClientJson(c.client(), group, c.profile(), c.state().label(), c.online(), c.connections(),
                c.reconnectAttempts(), c.heartbeatsSent(), c.acksReceived(), c.misses(),
                Double.isNaN(c.rttLastMs()) ? null : c.rttLastMs(), k == null ? null : k.probes(),
                k == null ? null : k.totalRetrans(), k == null ? null : k.unacked(),
                c.lastDetection() == null ? null : c.lastDetection().mechanism().label());
    }
}
