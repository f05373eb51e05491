package lab.heartbeat.fault;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One {@code nft -i} process kept open for the lab's life, so that a fault costs one command
 * line and no process start: starting a process from a JVM holding thousands of sockets takes
 * longer than nft's own work. Each command is followed by {@code list tables}; the reply ends at
 * the line naming the lab's table, and any {@code Error:} line before it fails the command.
 */
final class NftSession implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 10;

    private final Process process;
    private final OutputStream in;
    private final BufferedReader out;
    private final String endOfReply;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "nft-watchdog");
        t.setDaemon(true);
        return t;
    });

    NftSession(String program, String table) throws FaultException {
        try {
            ProcessBuilder pb = new ProcessBuilder(program, "-i").redirectErrorStream(true);
            // nft -i keeps a readline history in $HOME/.nft.history; the lab leaves nothing in the
            // user's home, so give it a home that does not exist (it then writes no history).
            pb.environment().put("HOME", "/nonexistent/heartbeat-lab");
            process = pb.start();
        } catch (IOException e) {
            throw new FaultException("cannot start nft -i: " + e.getMessage(), e);
        }
        in = process.getOutputStream();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        endOfReply = "table inet " + table;
    }

    /** Runs one nft command (one line, so one transaction) and returns once it is in force. */
    synchronized void run(String command) throws FaultException {
        if (command.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("one command per call");
        }
        ScheduledFuture<?> kill = watchdog.schedule(process::destroyForcibly, TIMEOUT_SECONDS, TimeUnit.SECONDS);
        try {
            in.write((command + "\nlist tables\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            List<String> reply = new ArrayList<>();
            String line;
            while ((line = out.readLine()) != null && !line.strip().equals(endOfReply)) {
                reply.add(line);
            }
            if (line == null) {
                throw new FaultException("nft -i ended" + (kill.isDone() ? " after " + TIMEOUT_SECONDS + " s" : "")
                        + ": " + String.join(" ", reply));
            }
            if (reply.stream().anyMatch(l -> l.startsWith("Error:"))) {
                throw new FaultException("nft failed: " + String.join(" ", reply).strip());
            }
        } catch (IOException e) {
            throw new FaultException("cannot talk to nft -i: " + e.getMessage(), e);
        } finally {
            kill.cancel(false);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        try {
            in.close();
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
