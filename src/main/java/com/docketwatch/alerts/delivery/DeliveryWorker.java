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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers alerts. Each worker thread claims a batch of due deliveries with {@code FOR UPDATE SKIP
 * LOCKED} and a lease, sends them concurrently, and records every attempt. While leased, no other
 * worker or instance picks a delivery; a worker that dies (even by {@code kill -9}) leaves its lease
 * to expire and the delivery is sent again, with the same {@code webhook-id}, by whoever claims it
 * next. No transaction stays open during a send.
 *
 * <p>The lease outlasts a round's worst case, so that a live worker is never overtaken: every send of
 * a round starts at once (webhooks are asynchronous; an email is claimed only with a free sender
 * reserved for it) and ends within its channel's bound ({@link Channels#worstCase}), and the lease is
 * that bound plus a margin for the database round trips. Each claim carries a fresh token and the
 * outcomes are recorded only on rows that still carry it: should a lease run out anyway (a long GC
 * pause, a stalled database), the late outcome is refused rather than written over the new holder's.
 */
public final class DeliveryWorker implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);

    private final Jdbi jdbi;
    private final Clock clock;
    private final Channels channels;
    private final RetryPolicy retry;
    private final int threads;
    private final int batchSize;
    private final Duration pollInterval;
    private final Duration lease;
    private final Meter delivered;
    private final Meter retried;
    private final Meter failed;
    private final Meter stale;
    private final AtomicLong lastLoop = new AtomicLong();
    private final Object wake = new Object();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;

    public DeliveryWorker(
            Jdbi jdbi,
            Clock clock,
            Channels channels,
            RetryPolicy retry,
            int threads,
            int batchSize,
            Duration pollInterval,
            Duration lease,
            MetricRegistry metrics) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.channels = channels;
        this.retry = retry;
        this.threads = threads;
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
        this.lease = lease;
        this.delivered = metrics.meter("alerts.delivered");
        this.retried = metrics.meter("alerts.retried");
        this.failed = metrics.meter("alerts.failed");
        this.stale = metrics.meter("alerts.stale-outcomes");
        metrics.gauge("alerts.backlog.age-seconds", () -> this::backlogAgeSeconds);
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

    @Override
    public void stop() throws InterruptedException {
        running = false;
        synchronized (wake) {
            wake.notifyAll();
        }
        for (Thread t : workers) {
            t.join(TimeUnit.SECONDS.toMillis(15));
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
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            lastLoop.set(System.currentTimeMillis());
            int claimed;
            try {
                claimed = runOnce();
            } catch (Exception e) {
                LOG.error("Delivery round failed; retrying shortly", e);
                claimed = 0;
            }
            if (claimed < batchSize) {
                synchronized (wake) {
                    try {
                        wake.wait(pollInterval.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    /**
     * One round: reserve email senders, claim (leased, under a fresh token), send concurrently, record
     * what the lease still allows; returns how many deliveries it handled.
     */
    public int runOnce() {
        Instant now = clock.instant();
        UUID token = UUID.randomUUID();
        int senders = channels.reserveEmailSenders(batchSize);
        List<Due> due;
        try {
            due = jdbi.inTransaction(
                    h -> Daos.on(h, DeliveryDao.class).claimDue(now, now.plus(lease), token, batchSize, senders));
        } catch (RuntimeException e) {
            channels.releaseEmailSenders(senders);
            throw e;
        }
        channels.releaseEmailSenders(senders
                - (int) due.stream()
                        .filter(d -> "email".equals(d.channelType()))
                        .count());
        if (due.isEmpty()) {
            return 0;
        }
        Map<Long, String> bodies = new HashMap<>();
        List<CompletableFuture<Outcome>> sends = new ArrayList<>(due.size());
        for (Due d : due) {
            sends.add(channels.send(d, bodies));
        }
        List<Attempt> attempts = new ArrayList<>(due.size());
        for (int i = 0; i < due.size(); i++) {
            attempts.add(outcome(due.get(i), sends.get(i).join()));
        }
        int recorded = jdbi.inTransaction(h -> Daos.on(h, DeliveryDao.class).record(attempts, token));
        if (recorded < attempts.size()) {
            stale.mark(attempts.size() - recorded);
            LOG.warn(
                    "{} of {} delivery outcomes were not recorded: their lease ({}) ran out and another worker "
                            + "claimed them again",
                    attempts.size() - recorded,
                    attempts.size(),
                    lease);
        }
        return due.size();
    }

    private Attempt outcome(Due d, Outcome o) {
        Instant now = clock.instant();
        int attempts = d.attempts() + 1;
        if (o.delivered()) {
            delivered.mark();
            return new Attempt(d.id(), "delivered", attempts, null, null, now, now, o.statusCode(), o.durationMs());
        }
        if (retry.exhausted(d.createdAt(), now)) {
            failed.mark();
            LOG.warn(
                    "Delivery {} of event {} to subscription {} failed for good after {} attempts: {}",
                    d.id(),
                    d.eventId(),
                    d.subscriptionId(),
                    attempts,
                    o.error());
            return new Attempt(d.id(), "failed", attempts, o.error(), null, null, now, o.statusCode(), o.durationMs());
        }
        retried.mark();
        return new Attempt(
                d.id(),
                "retrying",
                attempts,
                o.error(),
                now.plus(retry.delayAfter(attempts)),
                null,
                now,
                o.statusCode(),
                o.durationMs());
    }
}
