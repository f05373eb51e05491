package lab.heartbeat.fault;

/** A fault that could not be made or cleared, with the reason a person can act on. */
public final class FaultException extends Exception {
    private static final long serialVersionUID = 1L;

    public FaultException(String message) {
        super(message);
    }

    public FaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
