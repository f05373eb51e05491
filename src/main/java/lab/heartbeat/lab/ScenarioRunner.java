package lab.heartbeat.lab;

import io.netty.util.concurrent.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.nio.charset.StandardCharsets;
import lab.heartbeat.fault.FaultException;
import lab.heartbeat.fault.FaultKind;
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

        /** While the run waits for its time 0: how many of the initial clients are up and named by the server. */
        default void clientsUp(int up, int total, Duration waited) {
        }
    }

    private ScenarioRunner() {
    }

    /**
     * Runs the plan. Its timeline counts from the moment every client of the initial groups is up
     * and named by the server; if they are not within {@link TimelineStart#DEFAULT_LIMIT}, the lab
     * is closed and an {@link IllegalStateException} says which clients never came up.
     */
    public static RunResult run(ScenarioPlan plan, TimeBase time, Consumer<LabEvent> sink, Progress progress)
            throws InterruptedException {
        return run(plan, time, sink, progress, TimelineStart.DEFAULT_LIMIT);
    }

    static RunResult run(ScenarioPlan plan, TimeBase time, Consumer<LabEvent> sink, Progress progress,
            Duration startLimit) throws InterruptedException {
        List<LabEvent> events = Collections.synchronizedList(new ArrayList<>());
        Lab lab = Lab.start(plan.config(), time, events::add, sink);
        boolean completed = false;
        RunResult result;
        try {
            progress.started(lab);
            try {
                long start = TimelineStart.await(lab, lab.clients().stream().map(ReconnectingClient::name).toList(),
                        startLimit, progress);
                for (PlannedStep step : plan.steps()) {
                    waitUntil(lab, start, step.at(), plan.duration(), progress);
                    progress.step(step, Duration.ofNanos(lab.telemetry().now() - start));
                    take(lab, step);
                }
                waitUntil(lab, start, plan.duration(), plan.duration(), progress);
                completed = true;
            } catch (InterruptedException stopped) {
                lab.telemetry().action(EventKind.ACTION, "all", "run stopped before its end");
            }
            // The events list is filled in below, once closing has added its own events.
            result = new RunResult(plan, lab.transport().label(), lab.server().port(), lab.telemetry().timeBase(),
                    lab.namespace().label(), lab.faultBackend(), lab.faultBackendNote(), lab.faultLimitation(),
                    List.of(), lab.telemetry().detections(), lab.races(), lab.telemetry().snapshot(),
                    lab.telemetry().allSeries(), completed, List.of());
        } finally {
            lab.close();
        }
        synchronized (events) {
            // In time order: several event loops append, each a little after its event's time.
            return result.closed(events.stream().sorted(Comparator.comparingLong(LabEvent::nanos)).toList(),
                    lab.telemetry().dataByConnection());
        }
    }

    private static void waitUntil(Lab lab, long start, Duration at, Duration total, Progress progress)
            throws InterruptedException {
        long deadline = start + at.toNanos();
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
        try {
            takeOrFail(lab, step);
        } catch (FaultException e) {
            // A fault the backend cannot make is reported and the run goes on: the rest is still worth seeing.
            lab.telemetry().action(EventKind.UNSUPPORTED, step.target(), step.action().label() + ": " + e.getMessage());
        }
    }

    /**
     * Each target sends its frames; a frame that finds no live connection (or a frozen client) is
     * never sent, and the log says how many, so no frame of the scenario goes uncounted.
     */
    private static void sendData(Lab lab, PlannedStep step) throws InterruptedException {
        Map<ReconnectingClient, List<Future<Boolean>>> sends = new LinkedHashMap<>();
        for (ReconnectingClient c : lab.select(step.target())) {
            List<Future<Boolean>> futures = new ArrayList<>(step.count());
            for (int i = 0; i < step.count(); i++) {
                futures.add(c.sendData(("data " + (i + 1) + " of " + step.count()).getBytes(StandardCharsets.UTF_8)));
            }
            sends.put(c, futures);
        }
        for (Map.Entry<ReconnectingClient, List<Future<Boolean>>> e : sends.entrySet()) {
            int unsent = 0;
            for (Future<Boolean> f : e.getValue()) {
                f.await();
                unsent += Boolean.TRUE.equals(f.getNow()) ? 0 : 1;
            }
            if (unsent > 0) {
                lab.telemetry().action(EventKind.ACTION, e.getKey().name(), "send-data: " + unsent + " of "
                        + step.count() + " frame(s) not sent (no live connection, or the client is frozen)");
            }
        }
    }

    private static void takeOrFail(Lab lab, PlannedStep step) throws InterruptedException, FaultException {
        switch (step.action()) {
            case CABLE_PULL, DROP_TO_SERVER, DROP_TO_CLIENT, FREEZE_SERVER, FREEZE_CLIENT, RESET ->
                    lab.inject(step.action().fault(), step.target(), null);
            case LATENCY -> lab.inject(FaultKind.LATENCY, step.target(), step.latency());
            case PLUG_IN -> lab.plugIn(step.target());
            case UNFREEZE -> lab.unfreeze(step.target());
            case SEND_DATA -> sendData(lab, step);
            case SERVER_RESTART -> lab.restartServer(step.down());
            case ADD_CLIENTS -> lab.addClients(step.target(), step.count(), step.profile());
            case REMOVE_CLIENTS -> lab.removeClients(lab.select(step.target()).stream()
                    .map(ReconnectingClient::name).toList());
            case CLOSE -> lab.select(step.target()).forEach(ReconnectingClient::stop);
            default -> throw new IllegalStateException("unhandled action " + step.action());
        }
    }
}
