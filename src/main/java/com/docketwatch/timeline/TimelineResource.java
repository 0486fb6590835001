package com.docketwatch.timeline;

import com.docketwatch.platform.db.ReplicaRead;
import com.docketwatch.platform.request.Id;
import com.docketwatch.platform.request.Page;
import com.docketwatch.platform.request.PageRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** A case's timeline (rooted at /api/v1 like every route under /cases/{id}). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class TimelineResource {
    private final TimelineService timeline;

    public TimelineResource(TimelineService timeline) {
        this.timeline = timeline;
    }

    /** Filings, status changes, claim changes and hearing events in time order; 400 for an unknown type; 404 for an unknown case. */
    @GET
    @ReplicaRead
    @Path("cases/{id}/timeline")
    @PermitAll
    public Page<TimelineEntry> timeline(
            @PathParam("id") Id id, @QueryParam("type") TimelineTypes types, @BeanParam PageRequest page) {
        return timeline.timeline(id.value(), TimelineTypes.setOf(types), page);
    }
}
