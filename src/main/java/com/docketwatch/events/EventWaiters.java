package com.docketwatch.events;

import com.docketwatch.events.ChangeFeed.Position;
import com.docketwatch.platform.request.Page;
import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long polls of the change feed. A waiting request holds neither a thread nor a database connection: it
 * is a callback in a set, at most {@code maxPerKey} of them per API key. When told that events were
 * committed ({@link #signal()}, from PostgreSQL's NOTIFY) one scheduler thread reads the feed's head, the
 * newest position a reader can see, in one indexed query however many wait, and runs the feed query of
 * the waiters behind it only: each such waiter gets its page (or, when only events the feed leaves out
 * arrived, remembers the head it has seen). The head is read again every 50 ms for two seconds after a
 * signal while someone waits (the feed shows an event only once every older transaction has finished,
 * which can be a moment after its own commit) and once a second in any case (a notification lost while
 * the listener reconnects). When the head cannot be read (the database is down or too slow), every waiter
 * is answered with that failure at once, a 503. A waiter whose wait ends gets an empty page.
 */
public final class EventWaiters implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(EventWaiters.class);
    private static final long FAST_WINDOW = Duration.ofSeconds(2).toNanos();

    private final Supplier<Position> head;
    private final int maxPerKey;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "event-waiters");
        t.setDaemon(true);
        return t;
    });
    private final Set<Waiter> waiters = ConcurrentHashMap.newKeySet();
    private final ConcurrentMap<String, Set<Waiter>> byKey = new ConcurrentHashMap<>();
    private final AtomicBoolean checkQueued = new AtomicBoolean();
    private volatile long lastSignal = System.nanoTime() - FAST_WINDOW;

    /** {@code head} reads the feed's newest visible position; {@code maxPerKey} waiters at most per key. */
    public EventWaiters(Supplier<Position> head, int maxPerKey) {
        this.head = head;
        this.maxPerKey = maxPerKey;
    }

    private static final class Waiter {
        final String key;
        final Supplier<Page<EventView>> query;
        final Consumer<Page<EventView>> onPage;
        final Consumer<Throwable> onError;
        final long endsAt;
        final AtomicBoolean done = new AtomicBoolean();
        /** The newest position this waiter has looked at; only a head past it is news to it. */
        volatile Position seen;

        Waiter(
                String key,
                Position after,
                Supplier<Page<EventView>> query,
                long endsAt,
                Consumer<Page<EventView>> onPage,
                Consumer<Throwable> onError) {
            this.key = key;
            this.seen = after;
            this.query = query;
            this.endsAt = endsAt;
            this.onPage = onPage;
            this.onError = onError;
        }
    }

    /**
     * Answers {@code onPage} as soon as {@code query} (the feed after {@code after}) finds events, or with an
     * empty page after {@code wait}. Refused when {@code key} already has {@code maxPerKey} waiting: then the
     * answer is how long until the first of them ends, and nothing was registered.
     */
    public Optional<Duration> await(
            String key,
            Position after,
            Supplier<Page<EventView>> query,
            Duration wait,
            Consumer<Page<EventView>> onPage,
            Consumer<Throwable> onError) {
        Waiter w = new Waiter(key, after, query, System.nanoTime() + wait.toNanos(), onPage, onError);
        AtomicBoolean admitted = new AtomicBoolean();
        Set<Waiter> mine = byKey.compute(key, (k, set) -> {
            Set<Waiter> s = set == null ? ConcurrentHashMap.newKeySet() : set;
            if (s.size() < maxPerKey) {
                s.add(w);
                admitted.set(true);
            }
            return s;
        });
        if (!admitted.get()) {
            long now = System.nanoTime();
            long firstEnd = mine.stream().mapToLong(x -> x.endsAt).min().orElse(now);
            return Optional.of(Duration.ofNanos(Math.max(0, firstEnd - now)));
        }
        waiters.add(w);
        timer.schedule(
                () -> finish(w, () -> w.onPage.accept(new Page<>(List.of(), null))),
                wait.toNanos(),
                TimeUnit.NANOSECONDS);
        // An event may have committed between the caller's first look and now.
        requestCheck();
        return Optional.empty();
    }

    /** New events were committed (somewhere): look again. */
    public void signal() {
        lastSignal = System.nanoTime();
        requestCheck();
    }

    public int waiting() {
        return waiters.size();
    }

    @Override
    public void start() {
        timer.scheduleWithFixedDelay(
                () -> {
                    if (!waiters.isEmpty()) {
                        requestCheck();
                    }
                },
                1,
                1,
                TimeUnit.SECONDS);
    }

    /** Answers everyone still waiting with an empty page: the client asks again. */
    @Override
    public void stop() {
        for (Waiter w : waiters) {
            finish(w, () -> w.onPage.accept(new Page<>(List.of(), null)));
        }
        timer.shutdownNow();
    }

    private void requestCheck() {
        if (checkQueued.compareAndSet(false, true)) {
            try {
                timer.execute(this::checkAll);
            } catch (RejectedExecutionException stopped) {
                checkQueued.set(false);
            }
        }
    }

    private void checkAll() {
        checkQueued.set(false);
        if (waiters.isEmpty()) {
            return;
        }
        Position top;
        try {
            top = head.get();
        } catch (RuntimeException e) {
            LOG.warn("Long polls answered with an error: the change feed cannot be read ({})", e.toString());
            for (Waiter w : waiters) {
                finish(w, () -> w.onError.accept(e));
            }
            return;
        }
        boolean someoneWaits = false;
        for (Waiter w : waiters) {
            if (w.done.get()) {
                continue;
            }
            if (w.seen.compareTo(top) < 0) {
                check(w, top);
            }
            someoneWaits |= !w.done.get();
        }
        if (someoneWaits && System.nanoTime() - lastSignal < FAST_WINDOW) {
            timer.schedule(this::requestCheck, 50, TimeUnit.MILLISECONDS);
        }
    }

    /** Runs the waiter's query now that the head passed it: answers it with events, or notes what it has seen. */
    private void check(Waiter w, Position top) {
        try {
            Page<EventView> page = w.query.get();
            if (page.data().isEmpty()) {
                w.seen = top; // only events the feed leaves out (reminders) arrived
                return;
            }
            finish(w, () -> w.onPage.accept(page));
        } catch (RuntimeException e) {
            finish(w, () -> w.onError.accept(e));
        }
    }

    private void finish(Waiter w, Runnable answer) {
        if (w.done.compareAndSet(false, true)) {
            waiters.remove(w);
            byKey.computeIfPresent(w.key, (k, set) -> {
                set.remove(w);
                return set.isEmpty() ? null : set;
            });
            answer.run();
        }
    }
}
