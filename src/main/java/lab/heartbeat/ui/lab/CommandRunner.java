package lab.heartbeat.ui.lab;

import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Runs the views' commands on the lab shown when they were given, off the FX thread, and shows
 * their outcome (a line for the status bar) back on the FX thread. Commands return at once.
 */
public final class CommandRunner {
    /** One command on a lab; returns the line that says it was done. */
    @FunctionalInterface
    public interface Command {
        String run(LabGateway lab) throws Exception;
    }

    private final Executor commands;
    private final Executor fx;
    private final Consumer<String> outcome;
    private LabGateway lab;

    /**
     * @param commands where commands run (one thread, off the FX thread)
     * @param fx       where their outcome is shown (the FX thread)
     * @param outcome  shows a command's outcome
     */
    public CommandRunner(LabGateway lab, Executor commands, Executor fx, Consumer<String> outcome) {
        this.lab = lab;
        this.commands = commands;
        this.fx = fx;
        this.outcome = outcome;
    }

    /** Runs a command on the command thread; if it fails, shows {@code failure: its message}. */
    public void run(String failure, Command command) {
        run(commands, failure, command, () -> { });
    }

    /**
     * Runs a command on {@code where}, then {@code done} on the FX thread before its outcome is
     * shown, whether it worked or not.
     */
    public void run(Executor where, String failure, Command command, Runnable done) {
        LabGateway on = lab;
        where.execute(() -> {
            String text;
            try {
                text = command.run(on);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                text = failure + ": interrupted";
            } catch (Exception e) {
                text = failure + ": " + e.getMessage();
            }
            String shown = text;
            fx.execute(() -> {
                done.run();
                outcome.accept(shown);
            });
        });
    }

    /** Runs on the FX thread, after the commands given before. */
    public void later(Runnable onFx) {
        fx.execute(onFx);
    }

    /** Shows a line at once (a command refused before it ran). */
    public void show(String text) {
        outcome.accept(text);
    }

    /** Later commands go to this lab; those already given stay with theirs. */
    public void switchTo(LabGateway next) {
        lab = next;
    }

    /** The lab shown now. Call its methods off the FX thread only. */
    public LabGateway lab() {
        return lab;
    }
}
