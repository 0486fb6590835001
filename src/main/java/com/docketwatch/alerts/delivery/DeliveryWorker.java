package com.docketwatch.alerts.delivery;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.docketwatch.alerts.delivery.DeliveryDao.Attempt;
import com.docketwatch.alerts.delivery.DeliveryDao.Due;
import com.docketwatch.platform.db.Daos;
import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers alerts. Worker threads claim due deliveries with {@code FOR UPDATE SKIP LOCKED} and a
 * lease, start every send at once, and go on claiming: each outcome is recorded when its send ends,
 * whatever the others do, so a receiver that hangs holds only its own sends, never a worker. While
 * leased, no other worker or instance picks a delivery; a worker that dies (even by {@code kill -9})
 * leaves its lease to expire and the delivery is sent again, with the same {@code webhook-id}, by
 * whoever claims it next. No transaction stays open during a send.
 *
 * <p>What is under way is bounded: at most {@code maxInFlight} webhook and Slack sends on this instance
 * (emails by their senders), and at most {@code perReceiver} to one receiver (host and port), so a
 * receiver that hangs takes its share and the others keep theirs ({@link DeliveryDao#claimDue}). A send
 * counts until its outcome is recorded. The share is larger than the connections to a receiver ({@link
 * WebhookChannel}): each connection has its next request waiting while outcomes are recorded and more
 * are claimed.
 *
 * <p>The database work is done in batches, not per delivery: a receiver is claimed for once half its
 * share is free, and the outcomes that ended meanwhile, whatever their claims, are recorded in one
 * statement, each fenced by its own claim's token ({@link DeliveryDao#record(List, List, Duration)}).
 *
 * <p>The lease outlasts a send's worst case, so that a live worker is never overtaken: every send starts
 * as soon as it is claimed (webhooks are asynchronous; an email is claimed only with a free sender
 * reserved for it) and ends within its channel's bound ({@link Channels#worstCase}), and the lease is
 * that bound plus a margin for the database round trips. Each claim carries a fresh token and the
 * outcomes are recorded only on rows that still carry it: should a lease run out anyway (a long GC
 * pause, a stalled database), the late outcome is refused rather than written over the new holder's.
 *
 * <p>Recording an outcome also keeps the subscription's run of failures: a webhook or Slack
 * subscription failing for {@code disableAfter}, or answered 410 Gone, is disabled.
 */
public final class DeliveryWorker implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
    /** Outcomes recorded per statement at most. */
    private static final int RECORD_BATCH = 1000;

    private final Jdbi jdbi;
    private final Clock clock;
    private final Channels channels;
    private final RetryPolicy retry;
    private final int threads;
    private final int batchSize;
    private final Duration pollInterval;
    private final Duration lease;
    private final Duration disableAfter;
    private final int perReceiver;
    /** A receiver is claimed for again once half its share is recorded: claims come in batches. */
    private final int refill;

    private final Semaphore slots;
    private final Meter delivered;
    private final Meter retried;
    private final Meter failed;
    private final Meter stale;
    private final AtomicLong lastLoop = new AtomicLong();
    private final Object wake = new Object();
    private final Object claiming = new Object();
    private final List<Thread> workers = new ArrayList<>();
    /** Sends under way per receiver (webhook and Slack), counted until recorded. */
    private final Map<String, Integer> receivers = new ConcurrentHashMap<>();
    /** Sends that ended, waiting to be recorded. */
    private final ConcurrentLinkedQueue<Done> done = new ConcurrentLinkedQueue<>();
    /** Set by the first send that ends after the last recording: one wake-up for a run of them. */
    private final AtomicBoolean doneSignalled = new AtomicBoolean();
    /**
     * Set when a claim may find something the last one could not: new deliveries ({@link #nudge}), or room
     * freed for a receiver (or the instance) that had none. Until then, or until the poll interval has
     * passed since a claim found less than it could take, no claim is made: a claim while the receivers
     * with due deliveries are all full reads a window of them to find none.
     */
    private final AtomicBoolean claimWanted = new AtomicBoolean(true);
    /**
     * Where the next claim's window of due deliveries starts, while the receivers at the head of the due
     * order are full (guarded by {@code claiming}); null: at the head.
     */
    private DeliveryDao.Position windowFrom;
    /** A claim reads at most this many times its scan of due deliveries ({@link DeliveryDao#claimDue}). */
    static final int WINDOW_SCANS = 8;
    /** When a claim that found less than it could take counts as old: {@link System#nanoTime}. */
    private volatile long claimedOutAt;
    /**
     * Set while outcomes the database refused to record wait for it: no claims until they are recorded.
     * Their leases may run out meanwhile (an outage longer than a lease), and a claim of this instance would
     * then send them again; recorded first, they are settled, fenced by their own claim's token.
     */
    private volatile boolean unrecorded;
    /** Claimed and not yet recorded, all channels. */
    private final AtomicInteger outstanding = new AtomicInteger();

    private volatile boolean running;

    /** A send that ended: what it was, under which claim, and its outcome. */
    private record Done(Due due, UUID token, Outcome outcome) {}

    public DeliveryWorker(
            Jdbi jdbi,
            Clock clock,
            Channels channels,
            RetryPolicy retry,
            int threads,
            int batchSize,
            Duration pollInterval,
            Duration lease,
            Duration disableAfter,
            int maxInFlight,
            int perReceiver,
            MetricRegistry metrics) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.channels = channels;
        this.retry = retry;
        this.threads = threads;
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
        this.lease = lease;
        this.disableAfter = disableAfter;
        this.perReceiver = perReceiver;
        this.refill = Math.max(1, perReceiver / 2);
        this.slots = new Semaphore(maxInFlight);
        this.delivered = metrics.meter("alerts.delivered");
        this.retried = metrics.meter("alerts.retried");
        this.failed = metrics.meter("alerts.failed");
        this.stale = metrics.meter("alerts.stale-outcomes");
        metrics.gauge("alerts.backlog.age-seconds", () -> this::backlogAgeSeconds);
        metrics.gauge("alerts.in-flight", () -> outstanding::get);
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(this::loop, "delivery-worker-" + i);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
    }

    /**
     * Stops claiming, then records the sends still under way as they end (each ends within its channel's
     * bound), for up to 15 seconds; any left then are sent again by whoever claims them once their lease
     * has run out.
     */
    @Override
    public void stop() throws InterruptedException {
        running = false;
        nudge();
        for (Thread t : workers) {
            t.join(TimeUnit.SECONDS.toMillis(15));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (outstanding.get() > 0 && System.nanoTime() < deadline) {
            try {
                recordDone();
            } catch (RuntimeException e) {
                LOG.warn("Could not record delivery outcomes while stopping", e);
                break;
            }
            Thread.sleep(50);
        }
    }

    /** True while the worker threads are alive and looping. */
    public boolean alive() {
        return running && workers.stream().allMatch(Thread::isAlive);
    }

    public Instant lastLoop() {
        return Instant.ofEpochMilli(lastLoop.get());
    }

    public double backlogAgeSeconds() {
        return jdbi.withHandle(h -> Daos.on(h, DeliveryDao.class).backlogAgeSeconds(clock.instant()));
    }

    /** Looks for due deliveries now rather than at the next poll. */
    public void nudge() {
        claimWanted.set(true);
        wakeUp();
    }

    private void wakeUp() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            lastLoop.set(System.currentTimeMillis());
            int work = 0;
            try {
                work += recordDone();
            } catch (Exception e) {
                LOG.error("Recording delivery outcomes failed; retrying shortly", e);
            }
            try {
                work += claimAndSend();
            } catch (Exception e) {
                LOG.error("Claiming deliveries failed; retrying shortly", e);
            }
            if (work == 0) {
                synchronized (wake) {
                    try {
                        if (done.isEmpty()) {
                            wake.wait(pollInterval.toMillis());
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    /**
     * Claims (leased, under a fresh token) what this instance may start now, and starts each send; returns
     * how many it claimed. Claims are made one at a time on this instance, so that the counts per receiver
     * they read hold.
     */
    private int claimAndSend() {
        if (unrecorded) {
            return 0;
        }
        if (!claimWanted.getAndSet(false) && System.nanoTime() - claimedOutAt < pollInterval.toNanos()) {
            return 0;
        }
        Instant now;
        UUID token = UUID.randomUUID();
        List<Due> due;
        synchronized (claiming) {
            int limit = Math.min(batchSize, slots.availablePermits());
            now = clock.instant();
            int senders = channels.reserveEmailSenders(batchSize);
            if (limit == 0 && senders == 0) {
                return 0;
            }
            List<String> busy = new ArrayList<>();
            List<Integer> used = new ArrayList<>();
            List<String> full = new ArrayList<>();
            receivers.forEach((receiver, n) -> {
                busy.add(receiver);
                used.add(n);
                if (n > perReceiver - refill) {
                    full.add(receiver);
                }
            });
            int scan = Math.max(limit * 4, batchSize);
            int examine = scan * WINDOW_SCANS;
            DeliveryDao.Position from = full.isEmpty() ? null : windowFrom;
            try {
                due = jdbi.inTransaction(h -> Daos.on(h, DeliveryDao.class)
                        .claimDue(
                                now,
                                now.plus(lease),
                                token,
                                limit,
                                senders,
                                DeliveryDao.KEY_REVOKED,
                                scan,
                                from == null ? DeliveryDao.WINDOW_START : from.at(),
                                from == null ? 0 : from.id(),
                                examine,
                                perReceiver,
                                busy.toArray(String[]::new),
                                used.stream().mapToInt(Integer::intValue).toArray(),
                                full.toArray(String[]::new)));
                // Nothing to claim in the window while receivers are full: the next claim reads the window
                // after it (back to the head when this one reached the end of the due deliveries). A claim
                // that found something starts again from the head.
                windowFrom = !due.isEmpty() || full.isEmpty()
                        ? null
                        : jdbi.withHandle(h -> Daos.on(h, DeliveryDao.class)
                                        .windowEnd(
                                                now,
                                                from == null ? DeliveryDao.WINDOW_START : from.at(),
                                                from == null ? 0 : from.id(),
                                                examine))
                                .orElse(null);
            } catch (RuntimeException e) {
                channels.releaseEmailSenders(senders);
                throw e;
            }
            int emails = 0;
            for (Due d : due) {
                if (isEmail(d)) {
                    emails++;
                } else {
                    if (!slots.tryAcquire()) {
                        throw new IllegalStateException("claimed more sends than there were free slots");
                    }
                    receivers.merge(receiver(d), 1, Integer::sum);
                }
            }
            channels.releaseEmailSenders(senders - emails);
            outstanding.addAndGet(due.size());
            if (due.size() - emails < limit || emails < senders) {
                claimedOutAt = System.nanoTime();
            } else {
                claimWanted.set(true);
            }
        }
        Map<String, String> bodies = new HashMap<>();
        for (Due d : due) {
            channels.send(d, bodies).whenComplete((o, e) -> {
                Outcome outcome = o != null ? o : Outcome.failed(null, String.valueOf(e), 0);
                done.add(new Done(d, token, outcome));
                if (doneSignalled.compareAndSet(false, true)) {
                    wakeUp();
                }
            });
        }
        return due.size();
    }

    /**
     * Records the sends that ended, each under its own claim's token, in one statement; returns how many
     * it handled. They count as under way until that statement has committed. When the database refuses,
     * every outcome is kept to be recorded at the next try, and this instance claims nothing until they
     * are: a send recorded late is not sent twice. (Should another instance claim one of them once its
     * lease has run out, the late record does not match that claim's token and is left out, as for any
     * stale holder.)
     */
    private int recordDone() {
        doneSignalled.set(false);
        List<Done> batch = new ArrayList<>();
        for (Done d; batch.size() < RECORD_BATCH && (d = done.poll()) != null; ) {
            batch.add(d);
        }
        if (batch.isEmpty()) {
            return 0;
        }
        List<Attempt> attempts = new ArrayList<>(batch.size());
        List<UUID> tokens = new ArrayList<>(batch.size());
        for (Done d : batch) {
            attempts.add(outcome(d.due(), d.outcome()));
            tokens.add(d.token());
        }
        DeliveryDao.Recorded result;
        try {
            result = jdbi.inTransaction(h -> Daos.on(h, DeliveryDao.class).record(attempts, tokens, disableAfter));
        } catch (RuntimeException e) {
            done.addAll(batch);
            unrecorded = true;
            throw e;
        }
        batch.forEach(this::release);
        if (result.recorded() < batch.size()) {
            stale.mark(batch.size() - result.recorded());
            LOG.warn(
                    "{} of {} delivery outcomes were not recorded: their lease ({}) ran out and another worker "
                            + "claimed them again",
                    batch.size() - result.recorded(),
                    batch.size(),
                    lease);
        }
        if (!result.disabled().isEmpty()) {
            Map<Long, String> reasons = new HashMap<>();
            batch.forEach(d -> reasons.put(d.due().subscriptionId(), d.outcome().error()));
            result.disabled()
                    .forEach(id -> LOG.warn(
                            "Subscription {} disabled: its receiver failed for {} or answered 410 Gone (last: {})",
                            id,
                            disableAfter,
                            reasons.get(id)));
        }
        if (done.isEmpty()) {
            unrecorded = false;
        }
        return batch.size();
    }

    /**
     * Ends a send's count once it is recorded, and wants a claim when that frees an email sender, or room for
     * a batch of sends to its receiver or on this instance.
     */
    private void release(Done d) {
        outstanding.decrementAndGet();
        if (isEmail(d.due())) {
            claimWanted.set(true);
            return;
        }
        Integer left = receivers.compute(receiver(d.due()), (k, n) -> n == null || n <= 1 ? null : n - 1);
        slots.release();
        if ((left == null ? 0 : left) == perReceiver - refill || slots.availablePermits() <= refill) {
            claimWanted.set(true);
        }
    }

    private static String receiver(Due d) {
        return d.receiver() == null ? "" : d.receiver();
    }

    private static boolean isEmail(Due d) {
        return "email".equals(d.channelType());
    }

    /**
     * The attempt to record: delivered; failed for good once out of retries (the retry window counts
     * from when the delivery was queued, or re-sent or replayed); otherwise retrying after the back-off.
     */
    private Attempt outcome(Due d, Outcome o) {
        Instant now = clock.instant();
        int attempts = d.attempts() + 1;
        if (o.delivered()) {
            delivered.mark();
            return new Attempt(
                    d.id(),
                    "delivered",
                    attempts,
                    null,
                    null,
                    now,
                    now,
                    o.statusCode(),
                    o.durationMs(),
                    o.responseExcerpt());
        }
        if (retry.exhausted(d.retrySince(), now)) {
            failed.mark();
            LOG.warn(
                    "Delivery {} of event {} to subscription {} failed for good after {} attempts: {}",
                    d.id(),
                    d.eventId(),
                    d.subscriptionId(),
                    attempts,
                    o.error());
            return new Attempt(
                    d.id(),
                    "failed",
                    attempts,
                    o.error(),
                    null,
                    null,
                    now,
                    o.statusCode(),
                    o.durationMs(),
                    o.responseExcerpt());
        }
        retried.mark();
        return new Attempt(
                d.id(),
                "retrying",
                attempts,
                o.error(),
                now.plus(retry.delayAfter(d.attemptsSinceRequeue() + 1)),
                null,
                now,
                o.statusCode(),
                o.durationMs(),
                o.responseExcerpt());
    }
}
