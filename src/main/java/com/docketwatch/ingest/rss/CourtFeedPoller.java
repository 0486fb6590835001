package com.docketwatch.ingest.rss;

import io.dropwizard.lifecycle.Managed;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the due court feeds on a bounded pool of threads: each worker claims one due feed at a time
 * (a lease taken with SKIP LOCKED, so two workers or two instances never poll one feed), polls it and
 * claims the next, until none is due. A slow feed holds one worker at most until its fetch deadline;
 * the others go on. {@link CourtFeedPollJob} starts the missing workers at every sweep and returns at
 * once, so the clustered job itself never waits on a feed.
 */
public final class CourtFeedPoller implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(CourtFeedPoller.class);

    private final CourtFeedService feeds;
    private final int workers;
    private final AtomicInteger running = new AtomicInteger();
    private final ExecutorService pool;

    public CourtFeedPoller(CourtFeedService feeds, int workers) {
        this.feeds = feeds;
        this.workers = workers;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "court-feed-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts workers until {@code workers} are draining the due feeds; returns how many it started. */
    public int pollDue() {
        int started = 0;
        while (true) {
            int now = running.get();
            if (now >= workers) {
                return started;
            }
            if (!running.compareAndSet(now, now + 1)) {
                continue;
            }
            try {
                pool.execute(this::drain);
                started++;
            } catch (RejectedExecutionException e) {
                running.decrementAndGet(); // stopping
                return started;
            }
        }
    }

    private void drain() {
        try {
            while (!Thread.currentThread().isInterrupted() && feeds.pollNext()) {
                // next due feed
            }
        } catch (RuntimeException e) {
            LOG.warn("Claiming due court feeds failed; the next sweep tries again", e);
        } finally {
            running.decrementAndGet();
        }
    }

    @Override
    public void start() {}

    @Override
    public void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }
}
