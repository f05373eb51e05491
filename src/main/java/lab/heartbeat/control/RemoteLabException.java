package lab.heartbeat.control;

import java.io.IOException;

/** A remote lab that cannot be reached, refuses the token, is no heartbeat lab, or refuses a request: one sentence. */
public final class RemoteLabException extends IOException {
    private final int status;

    RemoteLabException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** The HTTP status the lab answered, or 0 when none came (unreachable). */
    public int status() {
        return status;
    }
}
