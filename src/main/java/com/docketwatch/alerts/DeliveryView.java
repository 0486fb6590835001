package com.docketwatch.alerts;

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
        Instant createdAt) {}
