package com.docketwatch.events;

import com.docketwatch.auth.Caller;
import com.docketwatch.events.ChangeFeed.Position;
import com.docketwatch.platform.errors.Problem;
import com.docketwatch.platform.errors.ProblemResponses;
import com.docketwatch.platform.request.Page;
import com.docketwatch.platform.request.PageRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.hibernate.validator.constraints.time.DurationMax;

/** The global change feed, with long polling. */
@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {
    public static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private final ChangeFeed feed;
    private final EventWaiters waiters;

    public EventResource(ChangeFeed feed, EventWaiters waiters) {
        this.feed = feed;
        this.waiters = waiters;
    }

    /**
     * Events after the given event id (or cursor), oldest first; with {@code wait} (ISO-8601, at most
     * PT60S) and nothing new, answers as soon as an event arrives, or with an empty page when the wait
     * ends. 400 for a malformed parameter; 429 with Retry-After when this key already has its most long
     * polls waiting; 503 with Retry-After when the database cannot answer (also during a wait).
     */
    @GET
    @PermitAll
    public void list(
            @QueryParam("after") Long after,
            @BeanParam PageRequest page,
            @QueryParam("wait") @DurationMax(seconds = 60, message = "must be from PT0S to PT1M") Duration wait,
            @Context SecurityContext security,
            @Suspended AsyncResponse async) {
        try {
            Duration w = wait == null ? Duration.ZERO : wait;
            Position from = feed.from(after, page);
            Page<EventView> now = feed.after(from, page);
            if (!now.data().isEmpty() || w.isZero()) {
                async.resume(now);
                return;
            }
            // A safety net only: the waiters answer at the end of the wait.
            async.setTimeout(w.plusSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
            async.setTimeoutHandler(r -> r.resume(new Page<EventView>(List.of(), null)));
            Optional<Duration> refused =
                    waiters.await(keyOf(security), from, () -> feed.after(from, page), w, async::resume, async::resume);
            refused.ifPresent(retry -> async.resume(tooManyWaiting(retry)));
        } catch (RuntimeException e) {
            async.resume(e);
        }
    }

    /** Long polls are counted per API key (and per feed token). */
    private static String keyOf(SecurityContext security) {
        if (security != null && security.getUserPrincipal() instanceof Caller caller) {
            return caller.viaFeedToken() ? "t" + caller.feedTokenId() : "k" + caller.keyId();
        }
        return "anonymous";
    }

    private static Response tooManyWaiting(Duration retry) {
        long seconds = Math.max(1, (retry.toMillis() + 999) / 1000);
        return Response.fromResponse(ProblemResponses.of(Problem.of(
                        429,
                        "too-many-long-polls",
                        "Too Many Requests",
                        "This API key already has as many long polls waiting as it may; wait for one to answer"
                                + " (retry after " + seconds + " s) or poll without ?wait=")))
                .header(HttpHeaders.RETRY_AFTER, seconds)
                .build();
    }
}
