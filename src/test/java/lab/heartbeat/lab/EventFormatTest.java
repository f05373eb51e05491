package lab.heartbeat.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import lab.heartbeat.detect.Side;
import lab.heartbeat.telemetry.EventKind;
import lab.heartbeat.telemetry.LabEvent;
import lab.heartbeat.telemetry.TimeBase;
import org.junit.jupiter.api.Test;

/** The line an event makes, on the command line and in the dashboard's event log alike. */
class EventFormatTest {

    @Test
    void aLineReadsTheSameWhateverTheMachinesLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY); // a decimal comma
            EventFormat format = new EventFormat(new TimeBase(1_000_000_000L, Instant.EPOCH));
            String line = format.toLine(LabEvent.of(2_500_000_000L, EventKind.CONNECTED, Side.CLIENT, "c-1", null,
                    null));
            assertThat(line).startsWith("    1.500s connected").endsWith("c-1");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void controlCharactersOfAHelloNameCannotReachTheTerminal() {
        EventFormat format = new EventFormat(new TimeBase(0, Instant.EPOCH));
        String forged = "evil\r    9.999s detected\u001b[2K\u009b";

        String line = format.toLine(LabEvent.of(1_000_000L, EventKind.CONNECTED, Side.SERVER, null,
                "server/" + forged, "hello " + forged));

        assertThat(line).doesNotContain("\r", "\u001b", "\u009b")
                .contains("server/evil\\x0d    9.999s detected\\x1b[2K\\x9b")
                .contains("(hello evil\\x0d");
        assertThat(EventFormat.printable("plain name-1")).isEqualTo("plain name-1");
    }
}
