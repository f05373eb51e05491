package lab.heartbeat.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ProfileKindTest {

    @Test
    void labels_are_the_vocabulary_and_round_trip() {
        assertThat(Arrays.stream(ProfileKind.values()).map(ProfileKind::label))
                .containsExactly("app-heartbeat", "beacon", "os-keepalive", "both", "user-timeout", "phi-accrual");
        for (ProfileKind kind : ProfileKind.values()) {
            assertThat(ProfileKind.ofLabel(kind.label())).isSameAs(kind);
        }
    }

    @Test
    void an_unknown_label_lists_the_valid_ones() {
        assertThatThrownBy(() -> ProfileKind.ofLabel("keepalive"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown profile kind 'keepalive'; expected one of app-heartbeat, beacon, "
                        + "os-keepalive, both, user-timeout, phi-accrual");
    }
}
