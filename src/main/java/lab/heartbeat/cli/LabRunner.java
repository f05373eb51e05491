package lab.heartbeat.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import lab.heartbeat.lab.Lab;

/**
 * Keeps a headless lab running until Ctrl-C or the end of {@code --duration}, then closes it so
 * that every event is printed and no socket is left behind.
 */
final class LabRunner {
    private LabRunner() {
    }

    static void runUntilStopped(Lab lab, ServiceOptions options, PrintWriter err, Duration duration,
            OrderedEvents events) throws InterruptedException {
        LabServices services;
        try {
            services = LabServices.start(lab, options, err);
        } catch (RuntimeException e) {
            lab.close();
            events.close();
            throw e;
        }
        try (services) {
            runUntilStopped(lab, duration, events);
        }
    }

    private static void runUntilStopped(Lab lab, Duration duration, OrderedEvents events)
            throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                closed.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (duration == null) {
                stop.await();
            } else {
                stop.await(duration.toNanos(), TimeUnit.NANOSECONDS);
            }
        } finally {
            lab.close();
            events.close();
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running and returns now that the lab is closed.
            }
        }
    }
}
