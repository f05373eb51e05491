package lab.heartbeat.protocol;

import io.netty.handler.codec.CorruptedFrameException;

/** A frame that breaks the wire protocol; the connection that sent it is closed with this reason. */
public final class ProtocolException extends CorruptedFrameException {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }
}
