package lab.heartbeat.transport;

import java.io.PrintStream;

/**
 * What happens when an event loop meets an {@link Error} (out of memory, a class that cannot be
 * loaded): the process fails with exit code 1 and says why, instead of living on with dead I/O
 * threads that serve nothing. Everything the report needs is made when this class loads, as the
 * failing process may have no memory or file descriptor left to spare.
 */
public final class FatalErrors {
    private static final PrintStream ERR = System.err;
    private static final Thread EXIT = new Thread(() -> System.exit(1), "fatal-exit");
    /** Shutdown hooks get this long; then the process halts. */
    private static final long HALT_AFTER_MILLIS = 10_000;
    private static final Thread HALT = new Thread(FatalErrors::haltLater, "fatal-halt");

    static {
        HALT.setDaemon(true);
    }

    private FatalErrors() {
    }

    /** Whether this is an error the process cannot go on after, rather than one connection's failure. */
    public static boolean isFatal(Throwable error) {
        return error instanceof Error;
    }

    /** Reports the error on stderr and ends the process with exit code 1; returns at once. */
    public static void fail(String where, Throwable error) {
        synchronized (FatalErrors.class) {
            if (EXIT.getState() != Thread.State.NEW) {
                return;
            }
            try {
                ERR.print("heartbeat-lab: fatal error on ");
                ERR.print(where);
                ERR.println(", exiting:");
                error.printStackTrace(ERR);
            } catch (Throwable unprintable) {
                // Nothing more can be said; the exit code still tells.
            } finally {
                // Exits on a thread of its own: shutdown hooks may wait for this very event loop.
                HALT.start();
                EXIT.start();
            }
        }
    }

    private static void haltLater() {
        try {
            Thread.sleep(HALT_AFTER_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().halt(1);
    }
}
