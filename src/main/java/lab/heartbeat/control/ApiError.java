package lab.heartbeat.control;

/** A request the API refuses: its HTTP status, the problem, and the body field at fault (or null). */
final class ApiError extends Exception {
    private final int status;
    private final String field;

    ApiError(int status, String message, String field) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
    }

    ApiError(int status, String message) {
        this(status, message, null);
    }

    int status() {
        return status;
    }

    String field() {
        return field;
    }
}
