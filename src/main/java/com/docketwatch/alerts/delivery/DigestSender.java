package com.docketwatch.alerts.delivery;

import com.docketwatch.alerts.delivery.DeliveryDao.Attempt;
import com.docketwatch.alerts.delivery.DeliveryDao.Due;
import com.docketwatch.alerts.delivery.DigestDao.DigestSubscription;
import com.docketwatch.platform.db.Daos;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each daily-digest subscription one message listing the events held for it since its last
 * digest, once its local digest time has come. A failed send keeps the events for the next try.
 */
public final class DigestSender {
    private static final Logger LOG = LoggerFactory.getLogger(DigestSender.class);

    private final Jdbi jdbi;
    private final Clock clock;
    private final Channels channels;

    public DigestSender(Jdbi jdbi, Clock clock, Channels channels) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.channels = channels;
    }

    /** Sends every digest that is due; returns how many were sent. */
    public int sendDue() {
        int sent = 0;
        for (long id : jdbi.withHandle(h -> Daos.on(h, DigestDao.class).due(clock.instant()))) {
            if (sendOne(id)) {
                sent++;
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
                Instant now = clock.instant();
                DigestSubscription s = dao.stillDue(subscriptionId, now).orElse(null);
                List<Due> events = s == null ? List.of() : dao.waiting(subscriptionId);
                if (events.isEmpty()) {
                    return false;
                }
                Outcome o = channels.digest(s, events).join();
                List<Attempt> attempts = new ArrayList<>(events.size());
                for (Due d : events) {
                    attempts.add(
                            o.delivered()
                                    ? new Attempt(
                                            d.id(),
                                            "delivered",
                                            d.attempts() + 1,
                                            null,
                                            null,
                                            now,
                                            now,
                                            o.statusCode(),
                                            o.durationMs())
                                    : new Attempt(
                                            d.id(),
                                            "digest",
                                            d.attempts() + 1,
                                            o.error(),
                                            null,
                                            null,
                                            now,
                                            o.statusCode(),
                                            o.durationMs()));
                }
                h.useTransaction(tx -> {
                    DeliveryDao deliveries = Daos.on(tx, DeliveryDao.class);
                    deliveries.record(attempts);
                    if (o.delivered()) {
                        Daos.on(tx, DigestDao.class).sent(subscriptionId, s.localDate());
                    }
                });
                if (!o.delivered()) {
                    LOG.warn(
                            "Digest for subscription {} failed ({}); its {} events wait for the next try",
                            subscriptionId,
                            o.error(),
                            events.size());
                }
                return o.delivered();
            } finally {
                dao.unlock(subscriptionId);
            }
        });
    }
}
