package lab.heartbeat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a sandboxed command killed with SIGKILL leaves of its relays, and what the next start removes. */
class ServiceRelaysTest {

    @Test
    void theNextStartRemovesTheSocketDirectoriesOfParentsThatAreGoneAndNoOthers(@TempDir Path tmp) throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path leftover = Files.createDirectory(tmp.resolve("heartbeat-lab-relay-" + gone.pid() + "-123"));
        Files.createFile(leftover.resolve("control.sock"));
        Path running = Files.createDirectory(tmp.resolve("heartbeat-lab-relay-" + ProcessHandle.current().pid() + "-456"));
        Path other = Files.createDirectory(tmp.resolve("heartbeat-lab-relay-notapid"));
        Path unrelated = Files.createDirectory(tmp.resolve("something-else-" + gone.pid() + "-1"));

        ServiceRelays.removeLeftovers(tmp);

        assertThat(leftover).doesNotExist();
        assertThat(running).isDirectory();
        assertThat(other).isDirectory();
        assertThat(unrelated).isDirectory();
    }
}
