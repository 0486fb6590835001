package com.docketwatch.alerts;

import java.time.Instant;
import java.util.List;

/** One delivery of a subscription's log, with every attempt, oldest first ({@code attempt_log}). */
public record DeliveryDetailView(
        String id,
        String eventId,
        String eventType,
        String status,
        int attempts,
        String lastError,
        Instant nextAttemptAt,
        Instant deliveredAt,
        Instant createdAt,
        List<AttemptView> attemptLog) {

    static DeliveryDetailView of(DeliveryView v, List<AttemptView> attemptLog) {
        return new DeliveryDetailView(
                v.id(),
                v.eventId(),
                v.eventType(),
                v.status(),
                v.attempts(),
                v.lastError(),
                v.nextAttemptAt(),
                v.deliveredAt(),
                v.createdAt(),
                attemptLog);
    }
}
