package lab.heartbeat.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NaturalOrderTest {

    @Test
    void numbersInNamesSortByValue() {
        List<String> names = new ArrayList<>(List.of("jittered-100", "jittered-11", "beacon-2", "jittered-2",
                "App-Heartbeat-10", "app-heartbeat-9", "jittered-011"));
        names.sort(NaturalOrder.INSTANCE);
        assertThat(names).containsExactly("app-heartbeat-9", "App-Heartbeat-10", "beacon-2", "jittered-2",
                "jittered-011", "jittered-11", "jittered-100");
    }

    @Test
    void aPrefixComesFirstAndHugeNumbersDoNotOverflow() {
        assertThat(NaturalOrder.INSTANCE.compare("client", "client-1")).isNegative();
        assertThat(NaturalOrder.INSTANCE.compare("c-99999999999999999999", "c-100000000000000000000")).isNegative();
        assertThat(NaturalOrder.INSTANCE.compare("c-7", "c-7")).isZero();
    }
}
