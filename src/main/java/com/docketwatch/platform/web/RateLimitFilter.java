package com.docketwatch.platform.web;

import com.docketwatch.auth.Caller;
import com.docketwatch.platform.errors.Problem;
import com.docketwatch.platform.errors.ProblemResponses;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket per API key: {@code burst} requests at once, refilled at {@code perMinute}. A feed
 * token counts against the key that minted it (a key cannot multiply its rate by minting tokens). Over
 * it, 429 with {@code Retry-After} (whole seconds until the next request is allowed) as problem+json.
 * Runs after authentication (an unauthenticated request is 401 anyway) and counts per instance: behind
 * a load balancer each instance allows its own rate.
 *
 * <p>Buckets live in a bounded cache. One idle for as long as an empty bucket takes to fill up is
 * forgotten: a new bucket starts full, so forgetting it changes nothing. At most {@link #MAX_BUCKETS}
 * are kept (the least recently used go first), which only a flood of distinct valid keys could reach.
 */
@Priority(Priorities.AUTHENTICATION + 500)
public final class RateLimitFilter implements ContainerRequestFilter {
    static final long MAX_BUCKETS = 100_000;

    private final double capacity;
    private final double perNano;
    private final LongSupplier nanos;
    private final Cache<Long, Bucket> buckets;

    public RateLimitFilter(int perMinute, int burst) {
        this(perMinute, burst, System::nanoTime, MAX_BUCKETS);
    }

    RateLimitFilter(int perMinute, int burst, LongSupplier nanos, long maxBuckets) {
        if (perMinute < 1 || burst < 1) {
            throw new IllegalArgumentException("The rate limit needs perMinute >= 1 and burst >= 1");
        }
        this.capacity = burst;
        this.perNano = perMinute / 60e9;
        this.nanos = nanos;
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(refill(perMinute, burst))
                .maximumSize(maxBuckets)
                .ticker(nanos::getAsLong)
                .executor(Runnable::run)
                .build();
    }

    /** How long an empty bucket takes to fill up: past that, an idle bucket is as good as a new one. */
    static Duration refill(int perMinute, int burst) {
        return Duration.ofNanos((long) Math.ceil(burst * 60e9 / perMinute)).plusSeconds(1);
    }

    @Override
    public void filter(ContainerRequestContext ctx) {
        if (!(ctx.getSecurityContext().getUserPrincipal() instanceof Caller caller)) {
            return;
        }
        long wait = take(caller);
        if (wait > 0) {
            long seconds = Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
            String who = caller.viaFeedToken() ? "The API key that minted this feed token" : "This API key";
            ctx.abortWith(Response.fromResponse(ProblemResponses.of(Problem.of(
                            429,
                            "too-many-requests",
                            "Too Many Requests",
                            who + " sent more requests than its rate limit; retry after " + seconds + " s")))
                    .header(HttpHeaders.RETRY_AFTER, seconds)
                    .build());
        }
    }

    /** Takes one request from the caller's key's bucket: 0, or the nanoseconds to wait (nothing taken). */
    long take(Caller caller) {
        return buckets.get(caller.keyId(), k -> new Bucket(capacity, nanos.getAsLong()))
                .take(capacity, perNano, nanos.getAsLong());
    }

    /** How many buckets are kept now (after pending evictions). */
    long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    /** Tokens left and when they were counted; synchronised per key, never globally. */
    static final class Bucket {
        private double tokens;
        private long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        /** Takes one token: 0, or the nanoseconds until one is there (nothing taken). */
        synchronized long take(double capacity, double perNano, long now) {
            // Concurrent requests read the clock before taking the lock, so one may arrive with an
            // instant older than the last counted: time never runs backwards here (it would drain the
            // bucket by the refill of that gap, and at a high rate turn a burst of requests into 429s).
            if (now > at) {
                tokens = Math.min(capacity, tokens + (now - at) * perNano);
                at = now;
            }
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perNano);
        }
    }
}
