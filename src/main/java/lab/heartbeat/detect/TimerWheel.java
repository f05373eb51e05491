package lab.heartbeat.detect;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Linux's timer wheel (kernel/time/timer.c) at one HZ: where a kernel timer lands. A timer of d
 * jiffies goes to the level whose range holds d; level n counts in steps of 8^n jiffies
 * (LVL_CLK_SHIFT 3) and holds delays below 63 x 8^n (LVL_BITS 6). It is placed at the next step
 * boundary after its expiry, so it never fires early and up to one step late: at HZ=250, 4 ms up
 * to 252 ms, 32 ms up to 2016 ms, 256 ms up to about 16 s.
 */
public record TimerWheel(int hz) {
    private static final int LVL_CLK_SHIFT = 3;
    private static final int LVL_SIZE = 1 << 6;
    /** LVL_DEPTH for HZ above 100; the last level takes every longer delay. */
    private static final int LEVELS = 9;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** Phases of the first expiry tried at most, per chain. */
    private static final long PHASES = 4096;
    /**
     * The lateness range of each chain tried, by its timers: a search of up to some 100,000 steps
     * (about 1 ms for the default 7200 s keepalive) that a detection would otherwise pay on its
     * event loop. A lab has a few timer chains, one per profile.
     */
    private static final Map<Chain, long[]> LATENESS = new ConcurrentHashMap<>();

    private record Chain(int hz, long first, long repeat, int repeats) {
    }

    public TimerWheel {
        if (hz < 1) {
            throw new IllegalArgumentException("HZ must be positive: " + hz);
        }
    }

    /** The wheel of the running kernel, at the HZ that {@link KernelHz#running()} found. */
    public static TimerWheel running() {
        return new TimerWheel(KernelHz.running().hz());
    }

    /** The level a timer of {@code deltaJiffies} goes to (calc_wheel_index). */
    public static int level(long deltaJiffies) {
        int level = 0;
        while (level < LEVELS - 1 && deltaJiffies >= levelStart(level + 1)) {
            level++;
        }
        return level;
    }

    /** LVL_START(n): the first delay that level n holds. */
    private static long levelStart(int level) {
        return (long) (LVL_SIZE - 1) << ((level - 1) * LVL_CLK_SHIFT);
    }

    /** The step of a level, in jiffies (LVL_GRAN). */
    public static long stepJiffies(int level) {
        return 1L << (level * LVL_CLK_SHIFT);
    }

    /** The jiffy at which a timer due at {@code expires} fires when it sits on {@code level} (calc_index). */
    public static long fireJiffy(long expires, int level) {
        int shift = level * LVL_CLK_SHIFT;
        return ((expires >> shift) + 1) << shift;
    }

    /** A duration in whole jiffies, rounded up as msecs_to_jiffies does. */
    public long jiffies(long nanos) {
        return Math.max(0, -Math.floorDiv(-nanos * hz, NANOS_PER_SECOND));
    }

    public long nanos(long jiffies) {
        return jiffies * NANOS_PER_SECOND / hz;
    }

    /** How late at most a timer armed for {@code timeoutNanos} fires: its level's step. */
    public long granularityNanos(long timeoutNanos) {
        return nanos(stepJiffies(level(jiffies(timeoutNanos))));
    }

    /**
     * The prediction for a chain of kernel timers that theory puts at {@code loNanos}: a first timer of
     * {@code firstNanos} armed from an unknown moment before (so on any level up to its own), then
     * {@code repeats} timers of {@code repeatNanos}, each armed when the previous fired. The window adds
     * each timer's step; the point is the middle of the lateness the wheel can give this chain, found by
     * trying every phase of the first expiry and every level of the first timer.
     */
    public Prediction chain(long loNanos, long firstNanos, long repeatNanos, int repeats) {
        long first = jiffies(firstNanos);
        long repeat = jiffies(repeatNanos);
        long slack = stepJiffies(level(first)) + repeats * stepJiffies(level(repeat));
        long[] late = LATENESS.computeIfAbsent(new Chain(hz, first, repeat, repeats), TimerWheel::lateness);
        // The expiry is counted from the jiffy that the real moment falls in: up to one jiffy less.
        long pointNanos = loNanos + (nanos(late[0]) - nanos(1) + nanos(late[1])) / 2;
        return Prediction.window(loNanos, pointNanos, loNanos + nanos(slack));
    }

    /** The earliest and latest lateness, in jiffies, that the wheel gives a chain, over phases and first levels. */
    private static long[] lateness(Chain c) {
        int firstLevel = level(c.first());
        int repeatLevel = level(c.repeat());
        long period = stepJiffies(Math.max(firstLevel, repeatLevel));
        // Long timers have steps of thousands of jiffies: try a sample of phases, each with its neighbours.
        long stride = Math.max(1, period / PHASES);
        long earliest = Long.MAX_VALUE;
        long latest = Long.MIN_VALUE;
        long[] offsets = {0, 1, stride - 1};
        for (long base = period; base < 2 * period; base += stride) {
            for (long offset : offsets) {
                long expires = base + offset;
                for (int level = 0; level <= firstLevel; level++) {
                    long fired = fireJiffy(expires, level);
                    for (int i = 0; i < c.repeats(); i++) {
                        fired = fireJiffy(fired + c.repeat(), repeatLevel);
                    }
                    long late = fired - expires - c.repeats() * c.repeat();
                    earliest = Math.min(earliest, late);
                    latest = Math.max(latest, late);
                }
            }
        }
        return new long[] {earliest, latest};
    }

    /** Timers armed at moments unrelated to the wheel (a length of 0 is none): each up to one step late, half on average. */
    public Prediction independent(long loNanos, long... timeoutsNanos) {
        long slack = 0;
        for (long t : timeoutsNanos) {
            slack += t > 0 ? granularityNanos(t) : 0;
        }
        return Prediction.window(loNanos, loNanos + slack / 2, loNanos + slack);
    }
}
