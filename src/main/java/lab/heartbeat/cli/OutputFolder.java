package lab.heartbeat.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code run --out}: made and tried before the run, so that a run is never lost for want of a place to write. */
final class OutputFolder {
    private OutputFolder() {
    }

    static void check(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new BadInputException("--out: " + dir + " exists and is not a folder; name a folder for "
                    + "report.json and timeseries.csv");
        }
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new BadInputException("--out: cannot make the folder " + dir + ": " + e.getFile()
                    + " exists and is not a folder");
        } catch (IOException e) {
            throw new BadInputException("--out: cannot make the folder " + dir + ": " + reason(e));
        }
        try {
            Files.delete(Files.createTempFile(dir, ".write-check-", ".tmp"));
        } catch (IOException e) {
            throw new BadInputException("--out: cannot write into " + dir + ": " + reason(e));
        }
    }

    private static String reason(IOException e) {
        return e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
