package lab.heartbeat.ui.race;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lab.heartbeat.lab.Race;
import lab.heartbeat.lab.RaceGroups;
import lab.heartbeat.ui.lab.RaceSnapshot;
import org.junit.jupiter.api.Test;

/** The race timeline's lanes and axis, without a toolkit. */
class TimelineLanesTest {

    static RaceSnapshot.Entry end(String client, String side, String cause, double measured, double lo, double at,
            double hi) {
        boolean detection = !cause.equals("peer-closed") && !cause.equals("reset") && !cause.equals("local-close");
        return new RaceSnapshot.Entry(client, client + ":1", side, cause, detection ? cause : null, measured, at, lo,
                hi, side + " " + cause);
    }

    static RaceSnapshot race(List<RaceSnapshot.Entry> entries, Map<String, Double> back,
            List<RaceGroups.Ends> groups, List<Race.GroupRecovery> reconnections) {
        List<String> targets = entries.stream().map(RaceSnapshot.Entry::client).distinct().toList();
        return new RaceSnapshot(RaceSnapshot.LIVE, 1, "cable-pull", "kernel", targets, 2, 22, entries, back, groups,
                reconnections);
    }

    @Test
    void aSmallRaceHasALaneForEachEndInItsOrderWithTheClientsReturnOnItsFirstLane() {
        RaceSnapshot race = race(List.of(
                end("app-heartbeat-1", "client", "app-heartbeat", 1006, 1000, 1000, 1000),
                end("app-heartbeat-1", "server", "server-sweep", 1766, 1765, 1765, 1765),
                end("os-keepalive-1", "client", "os-keepalive", 3305, 3200, 3281, 3300),
                end("beacon-1", "client", "reset", 20_400, Double.NaN, Double.NaN, Double.NaN)),
                Map.of("app-heartbeat-1", 20_900.0), List.of(), List.of());

        List<TimelineLanes.Lane> lanes = TimelineLanes.of(race, Set.of());

        assertThat(lanes).extracting(TimelineLanes.Lane::label).containsExactly("app-heartbeat-1 · client",
                "app-heartbeat-1 · server", "os-keepalive-1 · client", "beacon-1 · client");
        assertThat(lanes).extracting(TimelineLanes.Lane::markLabel).containsExactly("app-heartbeat 1,006 ms (+6)",
                "server-sweep 1,766 ms (+1)", "os-keepalive 3,305 ms (+24)", "reset 20,400 ms");
        assertThat(lanes).extracting(TimelineLanes.Lane::recoveredMs).containsExactly(20_900.0, Double.NaN,
                Double.NaN, Double.NaN);
        assertThat(lanes.get(2).end().predictsWindow()).isTrue();
        assertThat(RaceTable.predicted(lanes.get(2).end())).isEqualTo("3200.0–3300.0");
        assertThat(RaceTable.predicted(lanes.get(0).end())).isEqualTo("1000.0");
    }

    @Test
    void aLargeRaceHasALanePerGroupThatOpensOnAClickAndAReconnectionLanePerClientGroup() {
        List<RaceSnapshot.Entry> entries = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            entries.add(end("c-" + i, "server", "local-close", 16 + i * 0.05, Double.NaN, Double.NaN, Double.NaN));
        }
        for (int i = 1; i <= 200; i++) {
            entries.add(end("c-" + i, "client", "peer-closed", 22 + i * 0.25, Double.NaN, Double.NaN, Double.NaN));
        }
        RaceSnapshot race = race(entries, Map.of(),
                List.of(new RaceGroups.Ends("server local-close", "server", "local-close", false, 200, 16.2, 25.3, 28.5,
                        Double.NaN), new RaceGroups.Ends("client peer-closed", "client", "peer-closed", false, 200,
                                22.2, 64.9, 79.3, Double.NaN)),
                List.of(new Race.GroupRecovery("lockstep", 100, 100, 2635, 2660, 2673),
                        new Race.GroupRecovery("jittered", 97, 100, 2188, 2643, 3172)));

        assertThat(TimelineLanes.of(race, Set.of())).extracting(TimelineLanes.Lane::label).containsExactly(
                "▸ server local-close ×200", "▸ client peer-closed ×200", "lockstep back 100/100",
                "jittered back 97/100");
        assertThat(TimelineLanes.of(race, Set.of()).get(2).markLabel())
                .isEqualTo("first 2,635 ms · median 2,660 ms · last 2,673 ms");

        List<TimelineLanes.Lane> open = TimelineLanes.of(race, Set.of("client peer-closed"));
        assertThat(open).extracting(TimelineLanes.Lane::label).containsSequence("▾ client peer-closed ×200",
                "   c-1", "   c-2");
        assertThat(open).hasSize(4 + TimelineLanes.MAX_MEMBERS + 1);
        assertThat(open.get(2 + TimelineLanes.MAX_MEMBERS).label()).isEqualTo("   and 190 more in the table");
    }

    @Test
    void axisTicksCarryUnitsAndStayApart() {
        TimeScale scale = TimeScale.of(3660, Double.NaN, Double.NaN, 100, 500);

        List<TimeScale.Tick> ticks = scale.ticks();
        assertThat(ticks).extracting(TimeScale.Tick::label).containsExactly("0", "1 s", "2 s", "3 s", "4 s");
        for (int i = 1; i < ticks.size(); i++) {
            assertThat(ticks.get(i).x() - ticks.get(i - 1).x()).isGreaterThanOrEqualTo(TimeScale.TICK_SPACING_PX);
        }
        assertThat(TimeScale.label(500, 250)).isEqualTo("500 ms");
        assertThat(TimeScale.label(1500, 500)).isEqualTo("1.5 s");
        assertThat(TimeScale.label(2500, 2500)).isEqualTo("2.5 s");
    }

    @Test
    void aWayBackFarBeyondTheEndsGetsAStretchOfItsOwn() {
        TimeScale scale = TimeScale.of(3660, 20_000, 21_200, 100, 600);

        assertThat(scale.broken()).isTrue();
        assertThat(scale.x(3660)).isLessThan(scale.segments().get(0).toX());
        assertThat(scale.x(3660) - 100).isGreaterThan(0.5 * (scale.segments().get(0).toX() - 100));
        assertThat(scale.x(20_900)).isBetween(scale.segments().get(1).fromX(), 600.0);
        assertThat(TimeScale.of(3660, 3000, 4000, 100, 600).broken()).isFalse();
    }

    @Test
    void theSummaryNamesAFewTargetsOfALargeFault() {
        List<String> targets = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            targets.add("c-" + i);
        }
        assertThat(RacePanel.targets(targets)).isEqualTo("c-1, c-2, c-3, c-4, c-5, c-6 and 994 more");
        assertThat(RacePanel.targets(targets.subList(0, 7))).isEqualTo("c-1, c-2, c-3, c-4, c-5, c-6, c-7");
    }
}
