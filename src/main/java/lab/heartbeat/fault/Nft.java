package lab.heartbeat.fault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code nft} program with an argument array (never a shell), feeding a script on
 * standard input when there is one, so that many changes are one atomic batch.
 */
final class Nft {
    private static final long TIMEOUT_SECONDS = 10;

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
        Process p;
        try {
            p = new ProcessBuilder(argv).redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new FaultException("cannot run nft (" + e.getMessage() + "); install nftables", e);
        }
        try {
            try (OutputStream in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            String out = read(p.getInputStream());
            String err = read(p.getErrorStream());
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new FaultException("nft did not finish within " + TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0) {
                throw new FaultException("nft failed (exit " + p.exitValue() + "): " + err.strip());
            }
            return out;
        } catch (IOException e) {
            throw new FaultException("cannot talk to nft: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new FaultException("interrupted while nft ran", e);
        }
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
