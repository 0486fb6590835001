package com.docketwatch.alerts.delivery;

import com.docketwatch.alerts.delivery.DeliveryDao.Attempt;
import com.docketwatch.alerts.delivery.DeliveryDao.Due;
import com.docketwatch.alerts.delivery.DigestDao.DigestSubscription;
import com.docketwatch.platform.db.Daos;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each daily- or weekly-digest subscription one message listing the events held for it since its last
 * digest, once its local digest time has come. A failed send keeps the events and backs off like a
 * delivery (the {@link RetryPolicy}'s delays, doubling); a digest still failing after the retry window
 * gives up: its events end as failed, and the next digest is the following day's. Each try shows in the
 * delivery log on the held events (attempts, last error, next attempt).
 *
 * <p>A digest of a revoked key is not sent: its held events end as failed.
 */
public final class DigestSender {
    private static final Logger LOG = LoggerFactory.getLogger(DigestSender.class);

    private final Jdbi jdbi;
    private final Clock clock;
    private final Channels channels;
    private final RetryPolicy retry;
    private final Duration disableAfter;

    public DigestSender(Jdbi jdbi, Clock clock, Channels channels, RetryPolicy retry, Duration disableAfter) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.channels = channels;
        this.retry = retry;
        this.disableAfter = disableAfter;
    }

    /** Sends every digest that is due; returns how many were sent. */
    public int sendDue() {
        int sent = 0;
        for (long id : jdbi.withHandle(h -> Daos.on(h, DigestDao.class).due(clock.instant()))) {
            try {
                if (sendOne(id)) {
                    sent++;
                }
            } catch (RuntimeException e) { // one broken digest does not hold back the others
                LOG.error("Digest for subscription {} failed; tried again at the next run", id, e);
            }
        }
        return sent;
    }

    private boolean sendOne(long subscriptionId) {
        return jdbi.withHandle(h -> {
            DigestDao dao = Daos.on(h, DigestDao.class);
            if (!dao.tryLock(subscriptionId)) {
                return false; // another instance is sending it
            }
            try {
                DigestSubscription s =
                        dao.stillDue(subscriptionId, clock.instant()).orElse(null);
                if (s == null) {
                    return false;
                }
                if (s.keyRevoked()) {
                    int n = h.inTransaction(
                            tx -> Daos.on(tx, DigestDao.class).abandon(subscriptionId, DeliveryDao.KEY_REVOKED));
                    LOG.info(
                            "Digest for subscription {} not sent: its key was revoked ({} events failed)",
                            subscriptionId,
                            n);
                    return false;
                }
                List<Due> events = dao.waiting(subscriptionId);
                if (events.isEmpty()) {
                    return false;
                }
                Instant started = clock.instant();
                Outcome o = channels.digest(s, events).join();
                Instant now = clock.instant();
                int failures = o.delivered() ? 0 : s.digestFailures() + 1;
                Instant since = s.digestFailingSince() == null ? started : s.digestFailingSince();
                boolean givenUp = !o.delivered() && retry.exhausted(since, now);
                Instant retryAt = o.delivered() || givenUp ? null : now.plus(retry.delayAfter(failures));
                String status = o.delivered() ? "delivered" : givenUp ? "failed" : "digest";
                List<Attempt> attempts = new ArrayList<>(events.size());
                for (Due d : events) {
                    attempts.add(new Attempt(
                            d.id(),
                            status,
                            d.attempts() + 1,
                            o.error(),
                            retryAt,
                            o.delivered() ? now : null,
                            started,
                            o.statusCode(),
                            o.durationMs(),
                            o.responseExcerpt()));
                }
                h.useTransaction(tx -> {
                    Daos.on(tx, DeliveryDao.class).recordDigest(attempts, disableAfter);
                    DigestDao digests = Daos.on(tx, DigestDao.class);
                    if (retryAt == null) {
                        digests.done(subscriptionId, s.localDate());
                    } else {
                        digests.failed(subscriptionId, failures, since, retryAt);
                    }
                });
                if (givenUp) {
                    LOG.warn(
                            "Digest for subscription {} failed {} times since {} ({}); its {} events are given up",
                            subscriptionId,
                            failures,
                            since,
                            o.error(),
                            events.size());
                } else if (!o.delivered()) {
                    LOG.warn(
                            "Digest for subscription {} failed ({}); its {} events wait for the next try at {}",
                            subscriptionId,
                            o.error(),
                            events.size(),
                            retryAt);
                }
                return o.delivered();
            } finally {
                dao.unlock(subscriptionId);
            }
        });
    }
}
