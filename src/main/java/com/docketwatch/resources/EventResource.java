package com.docketwatch.resources;

import com.docketwatch.api.EventView;
import com.docketwatch.api.Page;
import com.docketwatch.core.EventFeed;
import com.docketwatch.core.PageRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The global change feed. */
@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {
    private final EventFeed feed;

    public EventResource(EventFeed feed) {
        this.feed = feed;
    }

    /** Events after the given event id (or cursor), oldest first. */
    @GET
    @PermitAll
    public Page<EventView> list(@QueryParam("after") String after, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return feed.after(after, PageRequest.of(limit, cursor));
    }
}
