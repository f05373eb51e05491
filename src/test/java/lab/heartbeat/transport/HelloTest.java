package lab.heartbeat.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** HELLO parsing as docs/PROTOCOL.md describes it, and its bounds against hostile peers. */
class HelloTest {

    @Test
    void emptyLinesAreIgnoredWherever() {
        assertThat(Hello.parse("\n").name()).isEqualTo("unnamed");
        assertThat(Hello.parse("").name()).isEqualTo("unnamed");
        Hello hello = Hello.parse("\n\n  web-1 \n\nheartbeat=0\n\nmode=none\n\n\n");
        assertThat(hello.name()).isEqualTo("web-1");
        assertThat(hello.heartbeatMillis()).isZero();
        assertThat(hello.sweepable()).isFalse();
    }

    @Test
    void aHugeNameIsCutToTheBound() {
        Hello hello = Hello.parse("x".repeat(60_000) + "\nprofile=" + "p".repeat(60_000));
        assertThat(hello.name()).hasSize(Hello.MAX_NAME_CHARS);
        assertThat(hello.profile().length()).isLessThanOrEqualTo(Hello.MAX_NAME_CHARS);
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String name = "a".repeat(Hello.MAX_NAME_CHARS - 1) + "\uD83D\uDE00";
        assertThat(Hello.parse(name).name()).isEqualTo("a".repeat(Hello.MAX_NAME_CHARS - 1));
    }

    @Test
    void linesPastTheBoundAreNotRead() {
        String text = "peer\n" + "x=1\n".repeat(Hello.MAX_LINES) + "heartbeat=0";
        assertThat(Hello.parse(text).sweepable()).as("the heartbeat line is past the bound").isTrue();
        assertThat(Hello.parse("peer\nheartbeat=0\n" + "x=1\n".repeat(100_000)).sweepable()).isFalse();
    }
}
