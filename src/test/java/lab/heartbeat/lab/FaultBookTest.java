package lab.heartbeat.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import lab.heartbeat.detect.Prediction;
import lab.heartbeat.detect.Cause;
import lab.heartbeat.detect.Side;
import lab.heartbeat.fault.FaultKind;
import lab.heartbeat.telemetry.Detection;
import org.junit.jupiter.api.Test;

/** The faults a lab made and which of them each connection's end belongs to. */
class FaultBookTest {
    private final FaultBook book = new FaultBook();

    private FaultRecord fault(List<String> targets, long t0) {
        return book.add(id -> new FaultRecord(id, FaultKind.CABLE_PULL, "kernel", targets, t0, 0, null));
    }

    private static Detection end(String client, long connected, long at) {
        return new Detection(at, Side.CLIENT, client, client + ":1", Cause.APP_HEARTBEAT, connected, at - 1, Prediction.point(at), null,
                "test");
    }

    @Test
    void faultsMadeAtOnceFromTwoThreadsGetDifferentIds() throws Exception {
        // The dashboard makes faults on its command thread and server restarts on another.
        CyclicBarrier start = new CyclicBarrier(2);
        ConcurrentLinkedQueue<Integer> ids = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < 500; i++) {
                        ids.add(fault(List.of("c-1"), i).id());
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(ids).hasSize(1000).doesNotHaveDuplicates();
        assertThat(book.all()).extracting(FaultRecord::id).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 1000).boxed().toList());
    }

    @Test
    void anEndBelongsToTheLatestFaultOnItsClientThatFoundItsConnectionOpen() {
        FaultRecord first = fault(List.of("a-1", "b-1"), 100);
        FaultRecord second = fault(List.of("a-1"), 200);
        List<Detection> ends = List.of(
                end("a-1", 50, 150),   // before the second fault: the first's
                end("a-1", 50, 250),   // open at both t0s: the latest, the second
                end("b-1", 50, 300),   // only the first targets b-1
                end("a-1", 220, 400),  // connected during the second fault: nobody's
                end("c-1", 50, 300));  // targeted by no fault

        List<Race> races = book.races(ends, Map.of());

        assertThat(races).extracting(Race::fault).containsExactly(first, second);
        assertThat(races.get(0).entries()).extracting(Detection::atNanos).containsExactly(150L, 300L);
        assertThat(races.get(1).entries()).extracting(Detection::atNanos).containsExactly(250L);
    }

    private FaultRecord fault(FaultKind kind, String backend, List<String> targets, long t0, long cleared) {
        FaultRecord f = book.add(id -> new FaultRecord(id, kind, backend, targets, t0, 0, null));
        if (cleared >= 0) {
            f.cleared(cleared);
        }
        return f;
    }

    @Test
    void eachFaultCountsTheFirstConnectionAfterItsOwnPlugIn() {
        // Two pulls of the same client: each is back on the connection made after its own plug-in,
        // not on the one the client has now.
        fault(FaultKind.CABLE_PULL, "kernel", List.of("a-1"), 1_000, 2_000);
        fault(FaultKind.CABLE_PULL, "kernel", List.of("a-1"), 5_000, 6_000);
        List<Detection> ends = List.of(end("a-1", 10, 1_500), end("a-1", 2_400, 5_500));

        List<Race> races = book.races(ends, Map.of("a-1", 6_300L));

        assertThat(races.get(0).recoveries()).containsExactly(Map.entry("a-1", 2_400L));
        assertThat(races.get(1).recoveries()).containsExactly(Map.entry("a-1", 6_300L));
    }

    @Test
    void aFaultThatCutsNoPathCountsFromT0AndAPullStillInForceHasNobodyBack() {
        fault(FaultKind.SERVER_RESTART, "in-process", List.of("b-1", "b-2"), 1_000, 1_900);
        fault(FaultKind.CABLE_PULL, "proxy", List.of("c-1"), 3_000, -1);
        List<Detection> ends = List.of(end("b-1", 10, 1_100), end("b-2", 10, 1_100), end("c-1", 3_200, 4_000));

        List<Race> races = book.races(ends, Map.of("b-1", 2_105L, "b-2", 2_201L, "c-1", 4_500L));

        assertThat(races.get(0).recoveries()).containsOnly(Map.entry("b-1", 2_105L), Map.entry("b-2", 2_201L));
        assertThat(races.get(1).recoveries()).isEmpty();
    }

    @Test
    void theSummaryListsGroupsWhereNobodyCameBack() {
        fault(FaultKind.CABLE_PULL, "kernel", List.of("beacon-1", "beacon-2", "seed-001-1"), 1_000_000_000L,
                2_000_000_000L);
        List<Race> races = book.races(List.of(), Map.of("beacon-1", 3_105_000_000L, "beacon-2", 3_201_000_000L));

        assertThat(races.get(0).recoveriesByGroup()).extracting(Race.GroupRecovery::describe).containsExactly(
                "reconnected beacon: 2 of 2, first 2105 ms, median 2105 ms, last 2201 ms after t0",
                "reconnected seed-001: 0 of 1");
    }

    @Test
    void aClientThatReconnectsToTheRelayDuringAProxyPullIsStillInThatRace() {
        FaultRecord pull = fault(FaultKind.CABLE_PULL, "proxy", List.of("a-1"), 1_000, 5_000);
        FaultRecord kernel = fault(FaultKind.CABLE_PULL, "kernel", List.of("k-1"), 1_000, 5_000);
        Detection first = end("a-1", 10, 2_000);
        Detection again = end("a-1", 2_500, 4_000);   // connected to the relay during the pull
        Detection after = end("a-1", 5_200, 7_000);    // connected after the plug-in: nobody's
        Detection kernelLate = end("k-1", 2_500, 4_000); // the kernel lets no connection through: nobody's

        List<Race> races = book.races(List.of(first, again, after, kernelLate), Map.of());

        assertThat(races.get(0).fault()).isSameAs(pull);
        assertThat(races.get(0).entries()).containsExactly(first, again);
        assertThat(races.get(0).entries()).filteredOn(races.get(0)::reconnectedDuringFault).containsExactly(again);
        assertThat(races.get(0).recoveries()).containsExactly(Map.entry("a-1", 5_200L));
        assertThat(races.get(1).fault()).isSameAs(kernel);
        assertThat(races.get(1).entries()).isEmpty();
    }

    @Test
    void aRelayConnectionMadeDuringTheCutThatOutlivesThePlugInIsBackAtThePlugIn() {
        // The relay connects onwards at the plug-in: the client needs no new connection.
        fault(FaultKind.CABLE_PULL, "proxy", List.of("a-1"), 1_000, 5_000);
        List<Detection> ends = List.of(end("a-1", 10, 2_000), end("a-1", 2_500, 4_000));

        List<Race> races = book.races(ends, Map.of("a-1", 4_600L));

        assertThat(races.get(0).recoveries()).containsExactly(Map.entry("a-1", 5_000L));
    }

    @Test
    void medianAndPercentilesUseOneRuleForDetectionsAndReconnections() {
        // Nearest rank: of 4 values the median is the 2nd (lower median), of 5 the 3rd.
        assertThat(Race.rank(50, 4)).isEqualTo(1);
        assertThat(Race.rank(50, 5)).isEqualTo(2);
        assertThat(Race.rank(0, 5)).isZero();
        assertThat(Race.rank(100, 5)).isEqualTo(4);
    }
}
