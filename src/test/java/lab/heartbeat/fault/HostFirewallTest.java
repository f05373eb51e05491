package lab.heartbeat.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The choice of where kernel faults may go, tested without touching any firewall. */
class HostFirewallTest {
    private static final Optional<String> ROOT = Optional.of("000001ffffffffff");
    private static final Optional<String> USER = Optional.of("0000000000000000");

    @Test
    void aPrivateNamespaceAlwaysMay() {
        assertThat(HostFirewall.refusal(NetNamespace.PRIVATE, false, USER)).isNull();
    }

    @Test
    void theHostsNamespaceNeedsTheUsersWordAndCapNetAdmin() {
        assertThat(HostFirewall.refusal(NetNamespace.HOST, false, ROOT)).contains("not in a private network namespace");
        assertThat(HostFirewall.refusal(NetNamespace.HOST, true, USER)).contains("need CAP_NET_ADMIN");
        assertThat(HostFirewall.refusal(NetNamespace.HOST, true, Optional.of("0000000000001000"))).isNull();
        assertThat(HostFirewall.refusal(NetNamespace.HOST, true, ROOT)).isNull();
        assertThat(HostFirewall.refusal(NetNamespace.HOST, true, Optional.empty())).contains("cannot tell");
    }

    @Test
    void noSandboxOptsIn() {
        String before = System.getProperty(HostFirewall.OPT_IN_PROPERTY);
        try {
            System.clearProperty(HostFirewall.OPT_IN_PROPERTY);
            assertThat(HostFirewall.optedIn()).isFalse();
            HostFirewall.optIn();
            assertThat(HostFirewall.optedIn()).isTrue();
        } finally {
            if (before == null) {
                System.clearProperty(HostFirewall.OPT_IN_PROPERTY);
            } else {
                System.setProperty(HostFirewall.OPT_IN_PROPERTY, before);
            }
        }
    }
}
