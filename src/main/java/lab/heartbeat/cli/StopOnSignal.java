package lab.heartbeat.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C or SIGTERM during a scenario: interrupts the thread that runs it, so that the run stops
 * early and still writes what it has, and holds the JVM's shutdown until that is done. Only the
 * run itself is interrupted: an interrupt while the report is written would close its file.
 */
final class StopOnSignal implements AutoCloseable {
    private static final long WAIT_SECONDS = 20;

    private final Thread runner = Thread.currentThread();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::stop, "stop-run");
    private boolean running = true;

    StopOnSignal() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private void stop() {
        synchronized (this) {
            if (running) {
                runner.interrupt();
            }
        }
        try {
            finished.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The run has returned; from now on a signal only waits for the report to be written. */
    synchronized void runReturned() {
        running = false;
        Thread.interrupted();
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // A signal came: the hook is running and returns now that everything is written.
        }
    }
}
