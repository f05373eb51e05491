package lab.heartbeat.ui.scenario;

import lab.heartbeat.ui.common.Formats;

import lab.heartbeat.ui.lab.LabGateway;
import lab.heartbeat.ui.lab.LiveLab;
import lab.heartbeat.ui.lab.RaceSnapshot;
import lab.heartbeat.ui.charts.ChartExporter;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import lab.heartbeat.detect.Durations;
import lab.heartbeat.lab.BundledScenarios;
import lab.heartbeat.lab.Lab;
import lab.heartbeat.lab.ReportWriter;
import lab.heartbeat.lab.RunResult;
import lab.heartbeat.lab.ScenarioException;
import lab.heartbeat.lab.ScenarioPlan;
import lab.heartbeat.lab.ScenarioReader;
import lab.heartbeat.lab.ScenarioRunner;
import lab.heartbeat.telemetry.TimeBase;

/**
 * Scenario runs from the dashboard: reads a scenario, runs it on a thread of its own (Stop
 * interrupts that thread), hands the dashboard the run's lab while it runs, and exports the
 * finished run. Knows no node; its properties change on the FX executor.
 */
public final class ScenarioModel {
    /** What the dashboard does around a run. */
    public interface Host {
        /** The run's lab is up: show it. Called on the run's thread. */
        void showLab(LabGateway lab);

        /**
         * The run is over (its lab closed): keep what it showed and go back to the dashboard's own
         * lab. Called on the FX thread; returns the PNG images to export with the run.
         */
        Map<String, BufferedImage> finished(RunResult result, List<RaceSnapshot> races);
    }

    private final Executor io;
    private final Executor fx;
    private final Host host;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "no scenario run");
    private final ReadOnlyObjectWrapper<RunResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private Map<String, BufferedImage> images = Map.of();
    private Thread worker;

    /**
     * @param io where exports are written (off the FX thread)
     * @param fx where the properties change (the FX thread)
     */
    public ScenarioModel(Executor io, Executor fx, Host host) {
        this.io = io;
        this.fx = fx;
        this.host = host;
    }

    /** Runs a bundled scenario by name. */
    public void runBundled(String name) {
        start(name, () -> BundledScenarios.read(Path.of(name)));
    }

    /** Runs a scenario file; a bad file shows the reader's message (file:line: field: problem). */
    public void runFile(Path file) {
        start(file.getFileName().toString(), () -> ScenarioReader.read(file));
    }

    private interface PlanSource {
        ScenarioPlan read() throws ScenarioException;
    }

    private void start(String label, PlanSource source) {
        if (running.get()) {
            status.set("a scenario is running: stop it first");
            return;
        }
        running.set(true);
        progress.set(0);
        status.set("reading " + label + " …");
        worker = new Thread(() -> run(source), "scenario-run");
        worker.setDaemon(true);
        worker.start();
    }

    /** Stops the running scenario early; what happened until then is kept. */
    public void stop() {
        Thread w = worker;
        if (w != null && running.get()) {
            status.set("stopping …");
            w.interrupt();
        }
    }

    private void run(PlanSource source) {
        ScenarioPlan plan;
        try {
            plan = source.read();
        } catch (ScenarioException e) {
            fx.execute(() -> {
                status.set(e.getMessage());
                running.set(false);
            });
            return;
        } catch (RuntimeException e) {
            fx.execute(() -> {
                status.set("cannot read the scenario: " + e.getMessage());
                running.set(false);
            });
            return;
        }
        String name = plan.scenario().name();
        Duration total = plan.duration();
        try {
            RunResult r = ScenarioRunner.run(plan, TimeBase.now(), e -> { }, new ScenarioRunner.Progress() {
                @Override
                public void started(Lab lab) {
                    host.showLab(new LiveLab(lab, name));
                    fx.execute(() -> status.set(name + ": running, " + Durations.format(total)));
                }

                @Override
                public void step(ScenarioPlan.PlannedStep step, Duration elapsed) {
                    String text = name + " at " + Formats.elapsed(elapsed) + ": " + step.describe();
                    fx.execute(() -> status.set(text));
                }

                @Override
                public void waiting(Duration elapsed, Duration all) {
                    double share = Math.min(1, elapsed.toNanos() / (double) all.toNanos());
                    fx.execute(() -> progress.set(share));
                }
            });
            List<RaceSnapshot> races = new ArrayList<>();
            long origin = r.time().startNanos();
            r.races().forEach(race -> races.add(RaceSnapshot.of(name, race, origin)));
            fx.execute(() -> {
                images = host.finished(r, races);
                result.set(r);
                progress.set(r.completed() ? 1 : progress.get());
                status.set(name + (r.completed() ? ": completed" : ": stopped") + ", " + r.detections().size()
                        + " detection(s), " + r.races().size() + " fault(s); Export run… writes its report");
                running.set(false);
            });
        } catch (InterruptedException e) {
            fx.execute(() -> {
                status.set(name + ": stopped before its lab started");
                host.finished(null, List.of());
                running.set(false);
            });
        } catch (RuntimeException e) {
            fx.execute(() -> {
                status.set(name + " failed: " + e.getMessage());
                host.finished(null, List.of());
                running.set(false);
            });
        }
    }

    /**
     * Writes the last run's {@code report.json} and {@code timeseries.csv} and the PNG images taken
     * when it ended into the folder; the outcome shows in {@link #statusProperty()}. Completes with
     * the files written, or exceptionally (after the status says why).
     */
    public CompletableFuture<List<Path>> export(Path folder) {
        RunResult r = result.get();
        if (r == null) {
            status.set("no finished run to export");
            return CompletableFuture.failedFuture(new IllegalStateException("no finished run to export"));
        }
        Map<String, BufferedImage> pictures = new LinkedHashMap<>(images);
        CompletableFuture<List<Path>> done = new CompletableFuture<>();
        io.execute(() -> {
            try {
                List<Path> written = new ArrayList<>(ReportWriter.write(r, folder));
                written.addAll(ChartExporter.write(pictures, folder));
                fx.execute(() -> {
                    status.set("exported " + written.size() + " files to " + folder);
                    done.complete(written);
                });
            } catch (IOException | RuntimeException e) {
                fx.execute(() -> {
                    status.set("export failed: " + e.getMessage());
                    done.completeExceptionally(e);
                });
            }
        });
        return done;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** From 0 to 1 while a scenario runs. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The last finished run, or null. */
    public ReadOnlyObjectProperty<RunResult> resultProperty() {
        return result.getReadOnlyProperty();
    }
}
