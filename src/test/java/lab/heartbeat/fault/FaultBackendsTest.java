package lab.heartbeat.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import lab.heartbeat.transport.Transports;
import org.junit.jupiter.api.Test;

/** The backend choice: none opens nothing, kernel refuses to fall back; neither needs a network or a loop. */
class FaultBackendsTest {

    @Test
    void noneOpensNothingAndSaysSo() throws Exception {
        var opened = FaultBackends.open(FaultBackendChoice.NONE, new InetSocketAddress(InetAddress.getLoopbackAddress(), 9),
                false, null, Transports.current());
        assertThat(opened.faults()).isNull();
        assertThat(opened.note()).isEqualTo("no network faults (fault backend none)");
    }

    @Test
    void kernelRefusesAServerOffLoopbackInsteadOfFallingBackToTheProxy() throws Exception {
        var offLoopback = new InetSocketAddress(InetAddress.getByAddress(new byte[] {10, 0, 0, 1}), 9);
        assertThatThrownBy(() -> FaultBackends.open(FaultBackendChoice.KERNEL, offLoopback, false, null,
                Transports.current()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("kernel faults are unavailable: ");
    }
}
