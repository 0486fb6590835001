package com.docketwatch.alerts;

import com.docketwatch.platform.request.Ids;
import java.time.Instant;

/** One entry of a subscription's delivery log. */
public record DeliveryView(
        String id,
        String eventId,
        String eventType,
        String status,
        int attempts,
        String lastError,
        Instant nextAttemptAt,
        Instant deliveredAt,
        Instant createdAt) {

    static DeliveryView of(com.docketwatch.alerts.delivery.DeliveryDao.LogRow r) {
        return new DeliveryView(
                Ids.str(r.id()),
                Ids.str(r.eventId()),
                r.eventType(),
                r.status(),
                r.attempts(),
                r.lastError(),
                r.nextAttemptAt(),
                r.deliveredAt(),
                r.createdAt());
    }
}
