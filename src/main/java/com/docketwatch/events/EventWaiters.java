package com.docketwatch.events;

import com.docketwatch.platform.request.Page;
import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Long polls of the change feed. A waiting request holds neither a thread nor a database connection:
 * it is a callback in a set. One scheduler thread re-runs every waiter's feed query when told that
 * events were committed ({@link #signal()}, from PostgreSQL's NOTIFY), once a second in any case (a
 * notification lost while reconnecting), and every 50 ms for two seconds after a signal while some
 * waiter still sees nothing: the feed shows an event only once every older transaction has finished,
 * which can be a moment after its own commit. A waiter is answered with the first non-empty page, or
 * with what the query gives when its wait ends (normally an empty page).
 */
public final class EventWaiters implements Managed {
    private static final long FAST_WINDOW = Duration.ofSeconds(2).toNanos();

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "event-waiters");
        t.setDaemon(true);
        return t;
    });
    private final Set<Waiter> waiters = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean checkQueued = new AtomicBoolean();
    private volatile long lastSignal = System.nanoTime() - FAST_WINDOW;

    private static final class Waiter {
        final Supplier<Page<EventView>> query;
        final Consumer<Page<EventView>> onPage;
        final Consumer<Throwable> onError;
        final AtomicBoolean done = new AtomicBoolean();

        Waiter(Supplier<Page<EventView>> query, Consumer<Page<EventView>> onPage, Consumer<Throwable> onError) {
            this.query = query;
            this.onPage = onPage;
            this.onError = onError;
        }
    }

    /** Answers {@code onPage} as soon as {@code query} finds events, or after {@code wait} with its last result. */
    public void await(
            Supplier<Page<EventView>> query,
            Duration wait,
            Consumer<Page<EventView>> onPage,
            Consumer<Throwable> onError) {
        Waiter w = new Waiter(query, onPage, onError);
        waiters.add(w);
        timer.schedule(() -> check(w, true), wait.toNanos(), TimeUnit.NANOSECONDS);
        // An event may have committed between the caller's first look and now.
        requestCheck();
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
        timer.scheduleWithFixedDelay(this::requestCheck, 1, 1, TimeUnit.SECONDS);
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
            } catch (java.util.concurrent.RejectedExecutionException stopped) {
                checkQueued.set(false);
            }
        }
    }

    private void checkAll() {
        checkQueued.set(false);
        boolean someoneWaits = false;
        for (Waiter w : waiters) {
            someoneWaits |= !check(w, false);
        }
        if (someoneWaits && System.nanoTime() - lastSignal < FAST_WINDOW) {
            timer.schedule(this::requestCheck, 50, TimeUnit.MILLISECONDS);
        }
    }

    /** Runs the waiter's query; answers it when there are events or {@code last}. True when answered. */
    private boolean check(Waiter w, boolean last) {
        if (w.done.get()) {
            return true;
        }
        try {
            Page<EventView> page = w.query.get();
            if (page.data().isEmpty() && !last) {
                return false;
            }
            finish(w, () -> w.onPage.accept(page));
        } catch (RuntimeException e) {
            finish(w, () -> w.onError.accept(e));
        }
        return true;
    }

    private void finish(Waiter w, Runnable answer) {
        if (w.done.compareAndSet(false, true)) {
            waiters.remove(w);
            answer.run();
        }
    }
}
