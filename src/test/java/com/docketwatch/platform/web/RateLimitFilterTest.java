package com.docketwatch.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.docketwatch.auth.Caller;
import com.docketwatch.auth.Role;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitFilterTest {
    private final AtomicLong now = new AtomicLong();

    private static Caller key(long id) {
        return new Caller(id, "key " + id, Role.REPORTER);
    }

    private static Caller feedToken(long keyId, long tokenId) {
        return new Caller(keyId, "feed token " + tokenId, Role.REPORTER, tokenId);
    }

    @Test
    void feedTokensCountAgainstTheKeyThatMintedThem() {
        RateLimitFilter limit = new RateLimitFilter(60, 3, now::get, RateLimitFilter.MAX_BUCKETS);
        assertThat(limit.take(feedToken(7, 1))).isZero();
        assertThat(limit.take(feedToken(7, 2))).isZero();
        assertThat(limit.take(key(7))).isZero();
        assertThat(limit.take(feedToken(7, 3)))
                .as("a new token of the same key")
                .isPositive();
        assertThat(limit.take(key(7))).isPositive();
        assertThat(limit.take(feedToken(8, 4))).as("another key's token").isZero();
        assertThat(limit.size()).isEqualTo(2);
    }

    @Test
    void aBucketIdleUntilItWouldBeFullIsForgotten() {
        RateLimitFilter limit = new RateLimitFilter(60, 3, now::get, RateLimitFilter.MAX_BUCKETS);
        long refill = RateLimitFilter.refill(60, 3).toNanos(); // 3 s to fill, plus a second
        assertThat(refill).isEqualTo(4_000_000_000L);
        for (long id = 1; id <= 3; id++) {
            limit.take(key(id));
        }
        assertThat(limit.size()).isEqualTo(3);

        now.set(refill / 2);
        limit.take(key(1)); // key 1 is still in use
        now.set(refill + 1);
        assertThat(limit.size()).isEqualTo(1);
        now.set(refill / 2 + refill + 1);
        assertThat(limit.size()).isZero();

        // A forgotten bucket comes back full, as it would have been.
        for (int i = 0; i < 3; i++) {
            assertThat(limit.take(key(2))).isZero();
        }
        assertThat(limit.take(key(2))).isPositive();
    }

    @Test
    void theBucketsAreBoundedHoweverManyKeysSendRequests() {
        RateLimitFilter limit = new RateLimitFilter(60, 3, now::get, 100);
        for (long id = 1; id <= 10_000; id++) {
            limit.take(key(id));
        }
        assertThat(limit.size()).isLessThanOrEqualTo(100);
    }
}
