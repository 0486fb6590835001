package com.docketwatch.platform.web;

import com.docketwatch.auth.Caller;
import com.docketwatch.platform.errors.Problem;
import com.docketwatch.platform.errors.ProblemResponses;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per API key, and one per feed token: {@code burst} requests at once, refilled at
 * {@code perMinute}. Over it, 429 with {@code Retry-After} (whole seconds until the next request is
 * allowed) as problem+json. Runs after authentication (an unauthenticated request is 401 anyway) and
 * counts per instance: behind a load balancer each instance allows its own rate.
 */
@Priority(Priorities.AUTHENTICATION + 500)
public final class RateLimitFilter implements ContainerRequestFilter {
    private final double capacity;
    private final double perNano;
    private final LongSupplier nanos;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimitFilter(int perMinute, int burst) {
        this(perMinute, burst, System::nanoTime);
    }

    RateLimitFilter(int perMinute, int burst, LongSupplier nanos) {
        if (perMinute < 1 || burst < 1) {
            throw new IllegalArgumentException("The rate limit needs perMinute >= 1 and burst >= 1");
        }
        this.capacity = burst;
        this.perNano = perMinute / 60e9;
        this.nanos = nanos;
    }

    @Override
    public void filter(ContainerRequestContext ctx) {
        if (!(ctx.getSecurityContext().getUserPrincipal() instanceof Caller caller)) {
            return;
        }
        String key = caller.viaFeedToken() ? "t" + caller.feedTokenId() : "k" + caller.keyId();
        long wait = buckets.computeIfAbsent(key, k -> new Bucket(capacity, nanos.getAsLong()))
                .take(capacity, perNano, nanos.getAsLong());
        if (wait > 0) {
            long seconds = Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
            ctx.abortWith(Response.fromResponse(ProblemResponses.of(Problem.of(
                            429,
                            "too-many-requests",
                            "Too Many Requests",
                            "This " + (caller.viaFeedToken() ? "feed token" : "API key")
                                    + " sent more requests than its rate limit; " + "retry after " + seconds + " s")))
                    .header(HttpHeaders.RETRY_AFTER, seconds)
                    .build());
        }
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
