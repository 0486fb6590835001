package com.docketwatch.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimitBucketTest {
    private static final double PER_NANO = 1e6 / 60e9; // a million requests a minute

    @Test
    void aBurstIsServedFromTheBucketAndThenWaitsForTheRefill() {
        RateLimitFilter.Bucket bucket = new RateLimitFilter.Bucket(3, 0);
        assertThat(bucket.take(3, PER_NANO, 0)).isZero();
        assertThat(bucket.take(3, PER_NANO, 0)).isZero();
        assertThat(bucket.take(3, PER_NANO, 0)).isZero();
        assertThat(bucket.take(3, PER_NANO, 0)).isPositive();
        assertThat(bucket.take(3, PER_NANO, 60_000)).isZero(); // one token refilled in 60 µs
    }

    @Test
    void aRequestThatReadTheClockBeforeAnotherDoesNotDrainTheBucket() {
        RateLimitFilter.Bucket bucket = new RateLimitFilter.Bucket(100, 0);
        assertThat(bucket.take(100, PER_NANO, 10_000_000)).isZero();
        // Requests whose clock readings are 1 ms older than the last counted instant (they waited for the lock).
        for (int i = 0; i < 99; i++) {
            assertThat(bucket.take(100, PER_NANO, 9_000_000))
                    .as("request %d", i)
                    .isZero();
        }
    }
}
