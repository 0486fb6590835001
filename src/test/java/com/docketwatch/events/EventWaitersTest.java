package com.docketwatch.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.docketwatch.events.ChangeFeed.Position;
import com.docketwatch.platform.request.Page;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Long polls: one head query wakes the waiters, each waiter's own query runs only when there is news for it. */
class EventWaitersTest {
    static final Position AT = new Position(700, 41);
    static final Page<EventView> ONE = new Page<>(
            List.of(new EventView("42", "filing.created", Instant.EPOCH, "1", JsonNodeFactory.instance.objectNode())),
            null);

    final AtomicReference<Position> head = new AtomicReference<>(AT);
    final AtomicInteger headReads = new AtomicInteger();
    final AtomicInteger waiterQueries = new AtomicInteger();
    final ConcurrentLinkedQueue<Object> answers = new ConcurrentLinkedQueue<>();
    EventWaiters waiters;

    EventWaiters start(Supplier<Position> readHead, int maxPerKey) {
        waiters = new EventWaiters(
                () -> {
                    headReads.incrementAndGet();
                    return readHead.get();
                },
                maxPerKey);
        waiters.start();
        return waiters;
    }

    @AfterEach
    void stop() {
        waiters.stop();
    }

    Optional<Duration> await(String key, Supplier<Page<EventView>> query, Duration wait) {
        return waiters.await(
                key,
                AT,
                () -> {
                    waiterQueries.incrementAndGet();
                    return query.get();
                },
                wait,
                answers::add,
                answers::add);
    }

    @Test
    void signalsWithNothingNewReadTheHeadOnlyNeverEachWaitersQuery() throws Exception {
        start(head::get, 100);
        for (int i = 0; i < 50; i++) {
            await("k" + i, () -> new Page<>(List.of(), null), Duration.ofSeconds(30));
        }
        for (int i = 0; i < 5; i++) {
            waiters.signal();
            Thread.sleep(100);
        }
        Thread.sleep(1200); // the once-a-second look and the 50 ms looks after each signal
        assertThat(waiterQueries)
                .as("no waiter's own query ran: nothing is newer than its position")
                .hasValue(0);
        // The head is read on a timer after each signal, however many wait: well under one read per waiter
        // and signal (250), whatever the timing of a loaded machine (106 reads were seen under CI load).
        assertThat(headReads.get()).isBetween(1, 249);
        assertThat(waiters.waiting()).isEqualTo(50);
        assertThat(answers).isEmpty();
    }

    @Test
    void aHeadPastTheWaitersRunsEachOfTheirQueriesOnceAndAnswersThem() throws Exception {
        start(head::get, 100);
        for (int i = 0; i < 20; i++) {
            await("k" + i, () -> ONE, Duration.ofSeconds(30));
        }
        Thread.sleep(200);
        assertThat(waiterQueries).hasValue(0);
        head.set(new Position(701, 42));
        waiters.signal();
        awaitAnswers(20);
        assertThat(waiterQueries).hasValue(20);
        assertThat(answers).allMatch(a -> a == ONE);
        assertThat(waiters.waiting()).isZero();
    }

    @Test
    void eventsTheFeedLeavesOutAreLookedAtOnceNotAgainAtEveryCheck() throws Exception {
        start(head::get, 100);
        await("k", () -> new Page<>(List.of(), null), Duration.ofSeconds(30));
        head.set(new Position(701, 42)); // say, a reminder: the waiter's query finds nothing
        waiters.signal();
        Thread.sleep(2500);
        assertThat(waiterQueries).hasValue(1);
        assertThat(answers).isEmpty();
    }

    @Test
    void eachKeyHasAtMostItsCapOfWaitersAndLearnsWhenTheFirstEnds() throws Exception {
        start(head::get, 3);
        for (int i = 0; i < 3; i++) {
            assertThat(await("k1", () -> ONE, Duration.ofSeconds(20 + i))).isEmpty();
        }
        Optional<Duration> refused = await("k1", () -> ONE, Duration.ofSeconds(30));
        assertThat(refused)
                .hasValueSatisfying(d -> assertThat(d).isBetween(Duration.ofSeconds(18), Duration.ofSeconds(20)));
        assertThat(waiters.waiting()).isEqualTo(3);
        assertThat(await("k2", () -> ONE, Duration.ofSeconds(30)))
                .as("another key")
                .isEmpty();

        head.set(new Position(701, 42));
        waiters.signal();
        awaitAnswers(4);
        assertThat(await("k1", () -> ONE, Duration.ofSeconds(30)))
                .as("answered waiters free their places")
                .isEmpty();
    }

    @Test
    void aWaitThatEndsIsAnEmptyPageWithoutAQuery() throws Exception {
        start(head::get, 10);
        await("k", () -> ONE, Duration.ofMillis(300));
        awaitAnswers(1);
        assertThat(answers.peek())
                .isInstanceOfSatisfying(Page.class, p -> assertThat(p.data()).isEmpty());
        assertThat(waiterQueries).hasValue(0);
    }

    @Test
    void whenTheHeadCannotBeReadEveryWaiterGetsTheFailureAtOnce() throws Exception {
        IllegalStateException down = new IllegalStateException("database down");
        AtomicReference<Boolean> failing = new AtomicReference<>(false);
        start(
                () -> {
                    if (failing.get()) {
                        throw down;
                    }
                    return AT;
                },
                10);
        for (int i = 0; i < 5; i++) {
            await("k" + i, () -> ONE, Duration.ofSeconds(30));
        }
        Thread.sleep(200);
        assertThat(answers).isEmpty();
        failing.set(true);
        long start = System.nanoTime();
        awaitAnswers(5);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
        assertThat(answers).allMatch(a -> a == down);
        assertThat(waiters.waiting()).isZero();
    }

    private void awaitAnswers(int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (answers.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(answers).hasSize(n);
    }
}
