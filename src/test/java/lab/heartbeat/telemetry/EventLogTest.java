package lab.heartbeat.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import lab.heartbeat.detect.Side;
import org.junit.jupiter.api.Test;

/** The event log: bounded window for readers, lossless in-order delivery to subscribers. */
class EventLogTest {

    /** Event number {@code seq} of writer {@code writer}; the sequence rides in {@code attempt}. */
    private static LabEvent event(String writer, int seq) {
        return new LabEvent(seq, EventKind.ACTION, Side.CLIENT, writer, null, null, null, null, null, seq, null, null, null);
    }

    @Test
    void deliversEveryEventInOrderToEverySubscriberFarPastTheWindow() throws Exception {
        int writers = 4;
        int perWriter = 12_500; // 50,000 in all, 500 times the window
        try (EventLog log = new EventLog(100)) {
            List<LabEvent> first = new ArrayList<>();
            List<LabEvent> second = new ArrayList<>();
            log.subscribe(first::add);
            log.subscribe(second::add);

            appendConcurrently(log, writers, perWriter);
            log.flush();

            // flush() happens-before here: the dispatcher's writes to the lists are visible.
            assertThat(log.appendedCount()).isEqualTo(50_000);
            for (List<LabEvent> delivered : List.of(first, second)) {
                assertThat(delivered).hasSize(50_000);
                Map<String, Integer> next = new HashMap<>();
                for (LabEvent e : delivered) {
                    int expected = next.getOrDefault(e.client(), 0);
                    assertThat(e.attempt()).as("writer %s's events in order", e.client()).isEqualTo(expected);
                    next.put(e.client(), expected + 1);
                }
                assertThat(next).containsOnlyKeys("w0", "w1", "w2", "w3").allSatisfy((w, n) ->
                        assertThat(n).isEqualTo(perWriter));
            }
            assertThat(second).containsExactlyElementsOf(first);
        }
    }

    @Test
    void recentKeepsOnlyTheWindowOldestFirst() throws Exception {
        try (EventLog log = new EventLog(10)) {
            for (int i = 0; i < 3; i++) {
                log.append(event("a", i));
            }
            assertThat(log.recent()).extracting(LabEvent::attempt).containsExactly(0, 1, 2);

            for (int i = 3; i < 25; i++) {
                log.append(event("a", i));
            }
            assertThat(log.recent()).extracting(LabEvent::attempt)
                    .containsExactly(15, 16, 17, 18, 19, 20, 21, 22, 23, 24);
            assertThat(log.appendedCount()).isEqualTo(25);
        }
    }

    @Test
    void aReaderThatFellBehindGetsTheWindowAndACursorThatLosesNothingMore() throws Exception {
        try (EventLog log = new EventLog(10)) {
            for (int i = 0; i < 25; i++) {
                log.append(event("a", i));
            }
            EventLog.Batch behind = log.after(3);
            assertThat(behind.events()).extracting(LabEvent::attempt).containsExactly(15, 16, 17, 18, 19, 20, 21, 22,
                    23, 24);
            assertThat(behind.next()).isEqualTo(25);
            log.append(event("a", 25));
            assertThat(log.after(behind.next()).events()).extracting(LabEvent::attempt).containsExactly(25);
        }
    }

    @Test
    void aReaderFollowingAWriterSeesEveryEventOnceWhileItKeepsUp() throws Exception {
        int total = 20_000;
        try (EventLog log = new EventLog(total)) {
            Thread writer = new Thread(() -> {
                for (int i = 0; i < total; i++) {
                    log.append(event("w", i));
                }
            });
            writer.start();
            List<Integer> read = new ArrayList<>();
            long seen = 0;
            while (seen < total) {
                EventLog.Batch batch = log.after(seen);
                assertThat(batch.next() - seen).as("the cursor moves by what was read").isEqualTo(batch.events().size());
                batch.events().forEach(e -> read.add(e.attempt()));
                seen = batch.next();
            }
            writer.join();
            assertThat(read).hasSize(total);
            for (int i = 0; i < total; i++) {
                assertThat(read.get(i)).isEqualTo(i);
            }
        }
    }

    @Test
    void recentIsACopy() throws Exception {
        try (EventLog log = new EventLog(3)) {
            log.append(event("a", 0));
            List<LabEvent> snapshot = log.recent();
            log.append(event("a", 1));
            assertThat(snapshot).hasSize(1);
        }
    }

    @Test
    void subscribersSeeOnlyEventsAppendedAfterTheySubscribe() throws Exception {
        try (EventLog log = new EventLog(10)) {
            log.append(event("a", 0));
            log.flush();
            List<LabEvent> seen = new ArrayList<>();
            log.subscribe(seen::add);
            log.append(event("a", 1));
            log.flush();
            assertThat(seen).extracting(LabEvent::attempt).containsExactly(1);
        }
    }

    @Test
    void closeDeliversWhatWasQueuedBeforeItReturns() throws Exception {
        EventLog log = new EventLog(5);
        CountDownLatch gate = new CountDownLatch(1);
        AtomicInteger delivered = new AtomicInteger();
        log.subscribe(e -> {
            try {
                gate.await(); // holds the dispatcher so that events pile up in the queue
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            delivered.incrementAndGet();
        });
        for (int i = 0; i < 2_000; i++) {
            log.append(event("a", i));
        }
        assertThat(delivered.get()).as("the dispatcher is held").isZero();

        gate.countDown();
        log.close();

        assertThat(delivered.get()).isEqualTo(2_000);
        assertThat(log.recent()).hasSize(5);
    }

    @Test
    void closeIsIdempotentAndLaterEventsStayReadableButAreNotDelivered() throws Exception {
        EventLog log = new EventLog(5);
        List<LabEvent> seen = new ArrayList<>();
        log.subscribe(seen::add);
        log.append(event("a", 0));
        log.close();
        log.close();
        log.append(event("a", 1));
        assertThat(seen).extracting(LabEvent::attempt).containsExactly(0);
        assertThat(log.recent()).extracting(LabEvent::attempt).containsExactly(0, 1);
    }

    @Test
    void aThrowingSubscriberDoesNotStopTheOthersOrTheLog() throws Exception {
        try (EventLog log = new EventLog(10)) {
            List<LabEvent> before = new ArrayList<>();
            List<LabEvent> after = new ArrayList<>();
            AtomicInteger thrown = new AtomicInteger();
            log.subscribe(before::add);
            log.subscribe(e -> {
                thrown.incrementAndGet();
                throw new IllegalStateException("broken subscriber (expected in this test)");
            });
            log.subscribe(after::add);

            for (int i = 0; i < 20; i++) {
                log.append(event("a", i));
            }
            log.flush();

            assertThat(thrown.get()).isEqualTo(20);
            assertThat(before).extracting(LabEvent::attempt).hasSize(20).isSorted();
            assertThat(after).extracting(LabEvent::attempt).hasSize(20).isSorted();

            log.append(event("a", 20));
            log.flush();
            assertThat(after).hasSize(21);
        }
    }

    @Test
    void aWindowBelowOneIsRejected() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new EventLog(0))
                .withMessageContaining("window");
    }

    @Test
    void subscribersSeeTheSameOrderAsRecent() throws Exception {
        int writers = 4;
        int perWriter = 12_500;
        try (EventLog log = new EventLog(writers * perWriter)) {
            List<LabEvent> delivered = new ArrayList<>();
            log.subscribe(delivered::add);
            appendConcurrently(log, writers, perWriter);
            log.flush();
            assertThat(delivered).as("the JSON printer and the dashboard must agree on the order")
                    .containsExactlyElementsOf(log.recent());
        }
    }

    @Test
    void flushAfterCloseReturnsAtOnce() throws Exception {
        EventLog log = new EventLog(5);
        log.append(event("a", 0));
        log.close();
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(2), log::flush);
    }

    @Test
    void aSubscriberThrowingAnErrorDoesNotKillTheDispatcher() throws Exception {
        try (EventLog log = new EventLog(10)) {
            List<LabEvent> after = new ArrayList<>();
            log.subscribe(e -> {
                throw new AssertionError("a test's assertion inside a subscriber (expected in this test)");
            });
            log.subscribe(after::add);
            log.append(event("a", 0));
            log.append(event("a", 1));
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), log::flush);
            assertThat(after).hasSize(2);
        }
    }

    /** {@code writers} threads, released together, each append events 0..perWriter-1 under its own name. */
    private static void appendConcurrently(EventLog log, int writers, int perWriter) throws InterruptedException {
        CyclicBarrier start = new CyclicBarrier(writers);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String name = "w" + w;
            Thread t = new Thread(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                for (int i = 0; i < perWriter; i++) {
                    log.append(event(name, i));
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    @Test
    void aStuckSubscriberCostsAtMostTheQueueTheOldestEventsAreDroppedAndCounted() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<LabEvent> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (EventLog log = new EventLog(100, 10)) {
            log.subscribe(e -> {
                delivered.add(e);
                entered.countDown();
                try {
                    // As a write to stdout that nobody reads.
                    release.await();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            });
            log.append(event("w", 0));
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 1; i < 1_000; i++) {
                log.append(event("w", i));
            }
            assertThat(log.droppedCount()).as("all but the one taken and the ten queued").isEqualTo(989);
            release.countDown();
            log.flush();
            assertThat(delivered).extracting(LabEvent::attempt)
                    .containsExactly(0, 990, 991, 992, 993, 994, 995, 996, 997, 998, 999);
        }
    }
}
