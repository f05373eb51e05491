package lab.heartbeat.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Running nft, ip and unshare: a hung program is killed on time, a chatty one never stalls. */
class ProgramsTest {

    @Test
    void aProgramThatHangsIsKilledWhenItsTimeIsUp() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> Programs.run(List.of("sleep", "30"), null, false, Duration.ofMillis(300)))
                .isInstanceOf(TimeoutException.class).hasMessageContaining("sleep did not finish");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aProgramThatFillsItsErrorPipeFinishesAndBothOutputsAreKept() throws Exception {
        // 200 KB on stderr is more than a pipe holds: read one stream after the other, it would hang.
        Programs.Result r = Programs.run(List.of("sh", "-c", "head -c 200000 /dev/zero >&2; cat"),
                "from stdin", false, Duration.ofSeconds(10));
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("from stdin");
        assertThat(r.err()).hasSize(200_000);
    }

    @Test
    void mergedOutputAndTheExitCodeComeBack() throws Exception {
        Programs.Result r = Programs.run(List.of("sh", "-c", "echo out; echo err >&2; exit 3"), null, true,
                Duration.ofSeconds(10));
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out()).contains("out").contains("err");
    }
}
