package lab.heartbeat.fault;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Runs the {@code nft} program with an argument array (never a shell), feeding a script on
 * standard input when there is one, so that many changes are one atomic batch.
 */
final class Nft {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String program;

    Nft(String program) {
        this.program = program;
    }

    /** Runs {@code nft -f -} with this script; returns its standard output. */
    String script(String script) throws FaultException {
        return run(List.of(program, "-f", "-"), script);
    }

    /** Runs {@code nft} with these arguments; returns its standard output. */
    String command(String... args) throws FaultException {
        List<String> argv = new java.util.ArrayList<>();
        argv.add(program);
        argv.addAll(List.of(args));
        return run(argv, null);
    }

    private String run(List<String> argv, String stdin) throws FaultException {
        try {
            Programs.Result r = Programs.run(argv, stdin, false, TIMEOUT);
            if (r.exit() != 0) {
                throw new FaultException("nft failed (exit " + r.exit() + "): " + r.err().strip());
            }
            return r.out();
        } catch (IOException e) {
            throw new FaultException("cannot run nft (" + e.getMessage() + "); install nftables", e);
        } catch (TimeoutException e) {
            throw new FaultException("nft did not finish within " + TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FaultException("interrupted while nft ran", e);
        }
    }
}
