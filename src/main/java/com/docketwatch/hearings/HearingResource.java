package com.docketwatch.hearings;

import com.docketwatch.cases.CaseResource;
import com.docketwatch.platform.web.Created;
import com.docketwatch.platform.web.Page;
import com.docketwatch.auth.Role;
import com.docketwatch.platform.web.Ids;
import com.docketwatch.platform.web.PageRequest;
import com.docketwatch.platform.web.Params;
import com.docketwatch.platform.web.Vocabulary;
import com.docketwatch.hearings.HearingDao.HearingQuery;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Hearings of a case and the calendar across cases. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class HearingResource {
    private final HearingService hearings;

    public HearingResource(HearingService hearings) {
        this.hearings = hearings;
    }

    /** Schedules a hearing (status scheduled, raising hearing.scheduled): 201. */
    @POST
    @Path("cases/{id}/hearings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.EDITOR_NAME)
    public Response create(@PathParam("id") String id, HearingRequest body) {
        HearingView h = hearings.create(CaseResource.caseId(id), body);
        return Created.at("cases/" + h.caseId() + "/hearings/" + h.id(), h);
    }

    /** The case's hearings in time order, each with its history. */
    @GET
    @Path("cases/{id}/hearings")
    @PermitAll
    public Page<HearingView> list(@PathParam("id") String id, @QueryParam("status") String status,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        HearingQuery query = new HearingQuery(CaseResource.caseId(id), null,
                Params.oneOf("status", status, Vocabulary.HEARING_STATUSES),
                Params.instant("from", from, false), Params.instant("to", to, true));
        return hearings.list(query, PageRequest.of(limit, cursor), true);
    }

    /** One hearing with its history; 404 if unknown. */
    @GET
    @Path("cases/{id}/hearings/{hearing_id}")
    @PermitAll
    public HearingView get(@PathParam("id") String id, @PathParam("hearing_id") String hearingId) {
        return hearings.get(CaseResource.caseId(id), Ids.path(hearingId, "hearing"));
    }

    /** Reschedules ({@code scheduled_at}), vacates or marks held: 200; 409 once vacated or held. */
    @PATCH
    @Path("cases/{id}/hearings/{hearing_id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed(Role.EDITOR_NAME)
    public HearingView patch(@PathParam("id") String id, @PathParam("hearing_id") String hearingId, HearingPatch body) {
        return hearings.change(CaseResource.caseId(id), Ids.path(hearingId, "hearing"), body);
    }

    /** The calendar across cases: from (inclusive), to (exclusive; a date means through that day), court, case_id, status. */
    @GET
    @Path("hearings")
    @PermitAll
    public Page<HearingView> calendar(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("court") String court, @QueryParam("case_id") String caseId, @QueryParam("status") String status,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        HearingQuery query = new HearingQuery(Params.id("case_id", caseId), Params.text("court", court, 64),
                Params.oneOf("status", status, Vocabulary.HEARING_STATUSES),
                Params.instant("from", from, false), Params.instant("to", to, true));
        return hearings.list(query, PageRequest.of(limit, cursor), false);
    }
}
