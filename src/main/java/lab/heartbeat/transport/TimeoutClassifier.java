package lab.heartbeat.transport;

import io.netty.channel.unix.Errors;
import io.netty.handler.codec.DecoderException;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import lab.heartbeat.detect.Cause;
import lab.heartbeat.detect.KeepaliveParams;

/**
 * Turns a socket error into a cause. The kernel reports both keepalive and user-timeout expiry as
 * ETIMEDOUT; which mechanism fired is told apart by the socket's settings and by whether data was
 * in flight (then keepalive cannot have fired: without a user timeout it is tcp_retries2).
 */
final class TimeoutClassifier {
    private static final int ETIMEDOUT = 110;
    private static final int ECONNRESET = 104;

    private TimeoutClassifier() {
    }

    static boolean isTimeout(Throwable error) {
        if (error instanceof Errors.NativeIoException n && Math.abs(n.expectedErr()) == ETIMEDOUT) {
            return true;
        }
        return error instanceof IOException && messageContains(error, "timed out");
    }

    static boolean isReset(Throwable error) {
        if (error instanceof Errors.NativeIoException n && Math.abs(n.expectedErr()) == ECONNRESET) {
            return true;
        }
        return error instanceof IOException && messageContains(error, "reset");
    }

    static Cause classify(Throwable error, KeepaliveParams keepalive, Duration userTimeout, boolean dataInFlight) {
        if (error instanceof DecoderException) {
            return Cause.PROTOCOL_ERROR;
        }
        if (isTimeout(error)) {
            // With TCP_USER_TIMEOUT set, Linux ignores TCP_KEEPCNT and the user timeout decides
            // both for data in flight and for unanswered keepalive probes.
            if (userTimeout != null) {
                return Cause.USER_TIMEOUT;
            }
            return keepalive != null && !dataInFlight ? Cause.OS_KEEPALIVE : Cause.RETRANSMISSION_TIMEOUT;
        }
        if (isReset(error)) {
            return Cause.RESET;
        }
        // Only the socket can say the peer went away; anything else is a bug on this side.
        return error instanceof IOException ? Cause.PEER_CLOSED : Cause.INTERNAL_ERROR;
    }

    private static boolean messageContains(Throwable error, String text) {
        String message = error.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains(text);
    }
}
