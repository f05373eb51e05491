package lab.heartbeat.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import lab.heartbeat.detect.Cause;
import lab.heartbeat.lab.ScenarioPlan.PlannedStep;
import lab.heartbeat.telemetry.EventKind;
import lab.heartbeat.telemetry.LabEvent;
import lab.heartbeat.telemetry.TimeBase;
import lab.heartbeat.transport.ReconnectingClient;

/**
 * Runs a checked scenario: builds its lab, takes each timeline step at its time, stops at the
 * scenario's end and collects everything for the report. Interrupting the calling thread stops the
 * run early; what happened until then is still returned.
 */
public final class ScenarioRunner {

    /** Hears of the run's progress; called on the running thread. */
    public interface Progress {
        void started(Lab lab);

        void step(PlannedStep step, Duration elapsed);

        void waiting(Duration elapsed, Duration total);
    }

    private ScenarioRunner() {
    }

    public static RunResult run(ScenarioPlan plan, TimeBase time, Consumer<LabEvent> sink, Progress progress)
            throws InterruptedException {
        List<LabEvent> events = Collections.synchronizedList(new ArrayList<>());
        Lab lab = Lab.start(plan.config(), time, events::add, sink);
        boolean completed = false;
        RunResult result;
        try {
            progress.started(lab);
            long start = lab.telemetry().startNanos();
            try {
                for (PlannedStep step : plan.steps()) {
                    waitUntil(lab, start + step.at().toNanos(), plan.duration(), progress);
                    progress.step(step, Duration.ofNanos(lab.telemetry().now() - start));
                    take(lab, step);
                }
                waitUntil(lab, start + plan.duration().toNanos(), plan.duration(), progress);
                completed = true;
            } catch (InterruptedException stopped) {
                lab.telemetry().action(EventKind.ACTION, "all", "run stopped before its end");
            }
            // The events list is filled in below, once closing has added its own events.
            result = new RunResult(plan, lab.transport().label(), lab.target().getPort(), lab.telemetry().timeBase(), List.of(),
                    lab.telemetry().detections(), lab.telemetry().snapshot(), lab.telemetry().allSeries(), completed);
        } finally {
            lab.close();
        }
        synchronized (events) {
            return new RunResult(plan, result.transport(), result.port(), result.time(), List.copyOf(events),
                    result.detections(), result.finalSnapshot(), result.series(), result.completed());
        }
    }

    private static void waitUntil(Lab lab, long deadline, Duration total, Progress progress)
            throws InterruptedException {
        long start = lab.telemetry().startNanos();
        while (true) {
            long now = lab.telemetry().now();
            if (now >= deadline) {
                return;
            }
            progress.waiting(Duration.ofNanos(now - start), total);
            TimeUnit.NANOSECONDS.sleep(Math.min(deadline - now, TimeUnit.MILLISECONDS.toNanos(250)));
        }
    }

    private static void take(Lab lab, PlannedStep step) throws InterruptedException {
        lab.telemetry().action(EventKind.ACTION, step.target(), step.describe());
        switch (step.action()) {
            case SERVER_RESTART -> lab.restartServer(step.down());
            case ADD_CLIENTS -> lab.addClients(step.target(), step.count(), step.profile());
            case REMOVE_CLIENTS -> lab.removeClients(lab.select(step.target()).stream()
                    .map(ReconnectingClient::name).toList());
            case CLOSE -> lab.select(step.target()).forEach(c -> c.closeConnection(Cause.LOCAL_CLOSE,
                    "closed by the scenario"));
            default -> throw new IllegalStateException("unhandled action " + step.action());
        }
    }
}
