package lab.heartbeat.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one spelling of client names and targets that the lab, the scenario checker and the race share. */
class ClientNamesTest {

    @Test
    void aClientsNameGivesBackItsGroupEvenWhenTheGroupHasADash() {
        assertThat(ClientNames.of("web-eu", 12)).isEqualTo("web-eu-12");
        assertThat(ClientNames.groupOf(ClientNames.of("web-eu", 12))).isEqualTo("web-eu");
    }

    @Test
    void aTargetListsItsNamesWithoutTheirSpaces() {
        assertThat(ClientNames.parts(" hb, web-eu-1 ,all")).containsExactly("hb", "web-eu-1", "all");
    }
}
