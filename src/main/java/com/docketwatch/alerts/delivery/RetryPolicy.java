package com.docketwatch.alerts.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * Exponential back-off: the first retry after {@code initial}, doubling up to {@code max}, until the
 * delivery has been failing for {@code window}; only then is it given up as failed.
 */
public record RetryPolicy(Duration initial, Duration max, Duration window) {
    public Duration delayAfter(int attempts) {
        Duration d = initial;
        for (int i = 1; i < attempts && d.compareTo(max) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(max) > 0 ? max : d;
    }

    /** True when a delivery created at {@code created} is out of retries at {@code now}. */
    public boolean exhausted(Instant created, Instant now) {
        return !now.isBefore(created.plus(window));
    }
}
