package com.docketwatch.alerts;

import com.docketwatch.alerts.SubscriptionDao.Row;
import com.docketwatch.alerts.delivery.DeliveryDao;
import com.docketwatch.alerts.delivery.DeliveryWorker;
import com.docketwatch.auth.Caller;
import com.docketwatch.platform.db.Daos;
import com.docketwatch.platform.errors.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Operating a subscription's deliveries, for its owner only (another key's subscription is 404): one
 * delivery with its attempt log, sending one again, replaying every delivery since an instant, and
 * enabling a disabled subscription again. A re-send or a replay only makes deliveries due now in the
 * outbox: the delivery workers send them under a fenced lease like any other (never twice at once, on
 * any instance), with the same {@code webhook-id}.
 */
public final class DeliveryOperations {
    private final Jdbi jdbi;
    private final Clock clock;
    private final Duration retryWindow;
    private final int maxReplayEvents;
    private final DeliveryWorker worker;

    public DeliveryOperations(
            Jdbi jdbi, Clock clock, Duration retryWindow, int maxReplayEvents, DeliveryWorker worker) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.retryWindow = retryWindow;
        this.maxReplayEvents = maxReplayEvents;
        this.worker = worker;
    }

    /** One delivery of the caller's subscription, with every attempt. */
    public DeliveryDetailView delivery(Caller owner, long subscriptionId, long deliveryId) {
        return jdbi.withHandle(h -> {
            subscription(h, owner, subscriptionId);
            return detail(h, subscriptionId, deliveryId);
        });
    }

    /**
     * Sends one delivery again now, whatever its status (one under way is sent again once it ends), with
     * the same {@code webhook-id}; its retry window and back-off start again. 404 for another key's
     * subscription or a delivery not of this subscription; 409 when the subscription is paused, disabled
     * or a digest subscription.
     */
    public DeliveryDetailView retry(Caller owner, long subscriptionId, long deliveryId) {
        DeliveryDetailView d = jdbi.inTransaction(h -> {
            sendable(subscription(h, owner, subscriptionId));
            DeliveryDao deliveries = Daos.on(h, DeliveryDao.class);
            if (deliveries.resend(subscriptionId, deliveryId, clock.instant()) == 0) {
                throw noDelivery(subscriptionId, deliveryId);
            }
            return detail(h, subscriptionId, deliveryId);
        });
        worker.nudge();
        return d;
    }

    /**
     * Sends again, in change-feed order and one at a time, every delivery of the subscription queued at
     * or after {@code since}, each with its event's {@code webhook-id}. At most {@code maxReplayEvents}
     * (422 beyond, nothing changed); 409 as for {@link #retry}.
     */
    public ReplayView replay(Caller owner, long subscriptionId, ReplayRequest body) {
        Instant now = clock.instant();
        if (body.since().isAfter(now)) {
            throw ApiException.invalid("since", "must not be in the future");
        }
        // Nothing was queued before 1970: an earlier instant (even one PostgreSQL cannot store) means all.
        Instant since = body.since().isBefore(Instant.EPOCH) ? Instant.EPOCH : body.since();
        int n = jdbi.inTransaction(h -> {
            sendable(subscription(h, owner, subscriptionId));
            DeliveryDao deliveries = Daos.on(h, DeliveryDao.class);
            int found = deliveries.replayable(subscriptionId, since, maxReplayEvents + 1);
            if (found > maxReplayEvents) {
                throw ApiException.invalid(
                        "since",
                        "more than " + maxReplayEvents + " events were sent to this subscription since " + since
                                + ", the most one replay may send; replay from a later instant, then again from"
                                + " there");
            }
            return found == 0
                    ? 0
                    : deliveries.replay(subscriptionId, since, now, deliveries.nextReplay() * DeliveryDao.REPLAY_BLOCK);
        });
        worker.nudge();
        return new ReplayView(n);
    }

    /**
     * Pauses or resumes, in the caller's transaction. Resuming a disabled subscription enables it again:
     * its waiting deliveries still inside their retry window are due at once, the others fail unsent.
     */
    Optional<Row> setPaused(Handle h, long ownerKeyId, long id, boolean paused) {
        Instant now = clock.instant();
        SubscriptionDao subscriptions = Daos.on(h, SubscriptionDao.class);
        if (!paused && subscriptions.enable(ownerKeyId, id)) {
            Daos.on(h, DeliveryDao.class).reenable(id, now, retryWindow.toMillis() / 1000.0);
        }
        return subscriptions.setPaused(ownerKeyId, id, paused, now);
    }

    /** Nudges the workers after a subscription was resumed. */
    void resumed() {
        worker.nudge();
    }

    private static Row subscription(Handle h, Caller owner, long id) {
        return Daos.on(h, SubscriptionDao.class)
                .find(owner.keyId(), id)
                .orElseThrow(() -> ApiException.notFound("No subscription with id " + id));
    }

    /** Re-sends and replays go out now: not while the subscription is paused or disabled, nor to a digest. */
    private static void sendable(Row s) {
        if (s.disabledAt() != null) {
            throw ApiException.conflict("Subscription " + s.id() + " is disabled (" + s.disabledReason()
                    + "); enable it with PATCH {\"paused\": false}, which also retries what is waiting");
        }
        if (s.paused()) {
            throw ApiException.conflict(
                    "Subscription " + s.id() + " is paused; resume it with PATCH {\"paused\": false} first");
        }
        if (!"immediate".equals(s.delivery())) {
            throw ApiException.conflict(
                    "Subscription " + s.id() + " sends a " + s.delivery().replace('_', ' ')
                            + "; deliveries are re-sent and replayed only for \"delivery\": \"immediate\"");
        }
    }

    private static DeliveryDetailView detail(Handle h, long subscriptionId, long deliveryId) {
        DeliveryDao deliveries = Daos.on(h, DeliveryDao.class);
        DeliveryDao.LogRow r =
                deliveries.find(subscriptionId, deliveryId).orElseThrow(() -> noDelivery(subscriptionId, deliveryId));
        List<AttemptView> log = deliveries.attempts(deliveryId).stream()
                .map(a -> new AttemptView(a.at(), a.statusCode(), a.error(), a.durationMs(), a.responseExcerpt()))
                .toList();
        return DeliveryDetailView.of(DeliveryView.of(r), log);
    }

    private static ApiException noDelivery(long subscriptionId, long deliveryId) {
        return ApiException.notFound("Subscription " + subscriptionId + " has no delivery with id " + deliveryId);
    }
}
