package lab.heartbeat.bench;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The benchmarks' waits for a condition, with Awaitility: the condition is polled, its progress
 * printed about once a second, and a timeout reported with the progress it reached.
 */
final class Waits {
    private Waits() {
    }

    /**
     * Waits until {@code done} holds, polling every {@code poll}; returns false (after printing
     * {@code TIMEOUT waiting for what: progress}) when {@code limit} passes first. A null
     * {@code progress} prints nothing.
     */
    static boolean until(String what, Duration limit, Duration poll, BooleanSupplier done, Supplier<String> progress) {
        long[] nextPrint = {0};
        String[] printed = {null};
        try {
            Awaitility.await(what).atMost(limit).pollDelay(Duration.ZERO).pollInterval(poll).until(() -> {
                if (progress != null && System.nanoTime() - nextPrint[0] >= 0) {
                    printed[0] = progress.get();
                    System.out.println("  " + printed[0]);
                    nextPrint[0] = System.nanoTime() + Duration.ofSeconds(1).toNanos();
                }
                return done.getAsBoolean();
            });
            String last = progress == null ? null : progress.get();
            if (last != null && !last.equals(printed[0])) {
                System.out.println("  " + last);
            }
            return true;
        } catch (ConditionTimeoutException e) {
            System.out.println("TIMEOUT waiting for " + what + (progress == null ? "" : ": " + progress.get()));
            return false;
        }
    }
}
