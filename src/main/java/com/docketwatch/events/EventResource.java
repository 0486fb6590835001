package com.docketwatch.events;

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
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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
     * ends. 400 for a malformed parameter.
     */
    @GET
    @PermitAll
    public void list(
            @QueryParam("after") Long after,
            @BeanParam PageRequest page,
            @QueryParam("wait") @DurationMax(seconds = 60, message = "must be from PT0S to PT1M") Duration wait,
            @Suspended AsyncResponse async) {
        try {
            Duration w = wait == null ? Duration.ZERO : wait;
            Supplier<Page<EventView>> query = () -> feed.after(after, page);
            Page<EventView> now = query.get();
            if (!now.data().isEmpty() || w.isZero()) {
                async.resume(now);
                return;
            }
            // A safety net only: the waiters answer at the end of the wait.
            async.setTimeout(w.plusSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
            async.setTimeoutHandler(r -> r.resume(new Page<EventView>(List.of(), null)));
            waiters.await(query, w, async::resume, async::resume);
        } catch (RuntimeException e) {
            async.resume(e);
        }
    }
}
