package lab.heartbeat.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import org.junit.jupiter.api.Test;

class ErrorTextTest {

    @Test
    void aNativeErrorReadsAsPlainTextWithItsErrnoName() {
        IOException timedOut = new IOException("recvAddress(..) failed with error(-110): Connection timed out");
        assertThat(ErrorText.of(timedOut, "the peer")).isEqualTo("connection timed out (ETIMEDOUT)");
        assertThat(ErrorText.of(new IOException("readAddress(..) failed with error(-104): Connection reset by peer"),
                "the peer")).isEqualTo("connection reset by peer (ECONNRESET)");
    }

    @Test
    void anUnresolvableHostIsSaidToNotResolve() {
        assertThat(ErrorText.of(new UnresolvedAddressException(), "nosuchhost.invalid"))
                .isEqualTo("nosuchhost.invalid does not resolve");
        assertThat(ErrorText.of(new IOException("x", new UnknownHostException("nosuchhost.invalid")), "h"))
                .isEqualTo("h does not resolve");
    }

    @Test
    void otherMessagesPassUnchanged() {
        assertThat(ErrorText.of(new IOException("Connection refused"), "h")).isEqualTo("Connection refused");
        assertThat(ErrorText.of(new IOException(), "h")).isEqualTo("IOException");
    }
}
