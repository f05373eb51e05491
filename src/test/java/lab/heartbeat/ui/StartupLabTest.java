package lab.heartbeat.ui;

import static org.assertj.core.api.Assertions.assertThat;

import lab.heartbeat.fault.HostFirewall;
import lab.heartbeat.ui.lab.StartupLab;
import org.junit.jupiter.api.Test;

/** The dashboard's own lab may use the host's firewall only after --no-sandbox. */
class StartupLabTest {

    @Test
    void theHostFirewallIsAllowedOnlyAfterNoSandbox() {
        try {
            System.clearProperty(HostFirewall.OPT_IN_PROPERTY);
            assertThat(StartupLab.config().allowHostFirewall()).isFalse();
            HostFirewall.optIn();
            assertThat(StartupLab.config().allowHostFirewall()).isTrue();
        } finally {
            System.clearProperty(HostFirewall.OPT_IN_PROPERTY);
        }
    }
}
