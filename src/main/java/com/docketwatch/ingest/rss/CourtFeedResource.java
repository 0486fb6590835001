package com.docketwatch.ingest.rss;

import com.docketwatch.auth.Role;
import com.docketwatch.platform.request.Id;
import com.docketwatch.platform.request.Page;
import com.docketwatch.platform.request.PageRequest;
import com.docketwatch.platform.web.Created;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** CM/ECF RSS feeds a court's new entries are read from. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class CourtFeedResource {
    private final CourtFeedService feeds;

    public CourtFeedResource(CourtFeedService feeds) {
        this.feeds = feeds;
    }

    /** Follows a feed (polled at once, then every poll interval): 201; 404 unknown court; 409 already followed; 422 bad URL. */
    @POST
    @Path("courts/{court_id}/feeds")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.EDITOR_NAME)
    public Response create(@PathParam("court_id") String court, @NotNull @Valid CourtFeedRequest body) {
        CourtFeedView feed = feeds.register(court, body);
        return Created.at("courts/" + court + "/feeds/" + feed.id(), feed);
    }

    /** The court's feeds with their last poll, last error, next poll and failures in a row; 404 unknown court. */
    @GET
    @Path("courts/{court_id}/feeds")
    @PermitAll
    public Page<CourtFeedView> list(@PathParam("court_id") String court, @BeanParam PageRequest page) {
        return feeds.list(court, page);
    }

    /** One feed; 404 if the court has no such feed. */
    @GET
    @Path("courts/{court_id}/feeds/{id}")
    @PermitAll
    public CourtFeedView get(@PathParam("court_id") String court, @PathParam("id") Id id) {
        return feeds.get(court, id.value());
    }

    /** Stops following a feed: 204; 404 if the court has no such feed. */
    @DELETE
    @Path("courts/{court_id}/feeds/{id}")
    @RolesAllowed(Role.EDITOR_NAME)
    public Response delete(@PathParam("court_id") String court, @PathParam("id") Id id) {
        feeds.delete(court, id.value());
        return Response.noContent().build();
    }
}
