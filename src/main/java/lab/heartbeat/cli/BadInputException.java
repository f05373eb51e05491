package lab.heartbeat.cli;

/** Input the user can fix (a bad argument value found after parsing); exits with code 2. */
final class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadInputException(String message) {
        super(message);
    }
}
