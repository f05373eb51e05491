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

    @Test
    void medianAndPercentilesUseOneRuleForDetectionsAndReconnections() {
        // Nearest rank: of 4 values the median is the 2nd (lower median), of 5 the 3rd.
        assertThat(Race.rank(50, 4)).isEqualTo(1);
        assertThat(Race.rank(50, 5)).isEqualTo(2);
        assertThat(Race.rank(0, 5)).isZero();
        assertThat(Race.rank(100, 5)).isEqualTo(4);
    }
}
