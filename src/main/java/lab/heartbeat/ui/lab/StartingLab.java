package lab.heartbeat.ui.lab;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The start-up lab, started on a thread of its own while JavaFX starts its toolkit, so that the
 * two waits overlap (they are about as long, and a desktop has a core for each). Whoever
 * {@linkplain #claim() claims} it owns it; if the dashboard never does (no display, say), the
 * launcher {@linkplain #closeUnclaimed() closes} it, so no server or client outlives a failed start.
 */
public final class StartingLab {
    /** Starts the lab; may throw an unchecked exception, which {@link #claim()} rethrows. */
    public interface Starter {
        LabGateway start() throws InterruptedException;
    }

    private final CompletableFuture<LabGateway> lab = new CompletableFuture<>();
    private final AtomicBoolean claimed = new AtomicBoolean();

    private StartingLab() {
    }

    /** Starts {@code starter} now on a thread named {@code startup-lab}. */
    public static StartingLab begin(Starter starter) {
        StartingLab starting = new StartingLab();
        Thread thread = new Thread(() -> {
            try {
                starting.lab.complete(starter.start());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                starting.lab.completeExceptionally(e);
            } catch (RuntimeException | Error e) {
                starting.lab.completeExceptionally(e);
            }
        }, "startup-lab");
        thread.setDaemon(true);
        thread.start();
        return starting;
    }

    /**
     * Waits for the lab and hands it over; the caller closes it. A failed start is rethrown as it
     * was thrown. Only one caller may claim it.
     */
    public LabGateway claim() throws InterruptedException {
        if (!claimed.compareAndSet(false, true)) {
            throw new IllegalStateException("the start-up lab was already claimed");
        }
        try {
            return lab.get();
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        }
    }

    /** Closes the lab unless it was claimed; waits for it to finish starting first. */
    public void closeUnclaimed() throws InterruptedException {
        if (!claimed.compareAndSet(false, true)) {
            return;
        }
        try {
            lab.get().close();
        } catch (ExecutionException e) {
            // It never started: nothing to close, and the failure that matters is the caller's.
        }
    }

    private static RuntimeException rethrown(Throwable cause) throws InterruptedException {
        if (cause instanceof InterruptedException interrupted) {
            throw interrupted;
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }
}
