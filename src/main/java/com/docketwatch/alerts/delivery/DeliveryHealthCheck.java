package com.docketwatch.alerts.delivery;

import com.codahale.metrics.health.HealthCheck;
import java.time.Duration;

/** Unhealthy when the delivery workers died or a due delivery has waited longer than the limit. */
public final class DeliveryHealthCheck extends HealthCheck {
    private final DeliveryWorker worker;
    private final Duration maxBacklogAge;

    public DeliveryHealthCheck(DeliveryWorker worker, Duration maxBacklogAge) {
        this.worker = worker;
        this.maxBacklogAge = maxBacklogAge;
    }

    @Override
    protected Result check() {
        if (!worker.alive()) {
            return Result.unhealthy("delivery workers are not running");
        }
        double age = worker.backlogAgeSeconds();
        if (age > maxBacklogAge.toSeconds()) {
            return Result.unhealthy(
                    "the oldest due delivery has waited %.0f s (limit %d s)", age, maxBacklogAge.toSeconds());
        }
        return Result.healthy("oldest due delivery waited %.1f s", age);
    }
}
