package com.docketwatch.hearings;

import com.docketwatch.auth.Role;
import com.docketwatch.hearings.HearingDao.HearingQuery;
import com.docketwatch.platform.Text;
import com.docketwatch.platform.db.ReplicaRead;
import com.docketwatch.platform.request.Check;
import com.docketwatch.platform.request.EndOfDay;
import com.docketwatch.platform.request.Id;
import com.docketwatch.platform.request.NoNul;
import com.docketwatch.platform.request.Page;
import com.docketwatch.platform.request.PageRequest;
import com.docketwatch.platform.web.Created;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
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
import java.time.Instant;

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
    public Response create(@PathParam("id") Id id, @NotNull @Valid HearingRequest body) {
        HearingView h = hearings.create(id.value(), body);
        return Created.at("cases/" + h.caseId() + "/hearings/" + h.id(), h);
    }

    /** The case's hearings in time order, each with its history. */
    @GET
    @ReplicaRead
    @Path("cases/{id}/hearings")
    @PermitAll
    public Page<HearingView> list(
            @PathParam("id") Id id,
            @QueryParam("status") HearingStatus status,
            @QueryParam("from") Instant from,
            @QueryParam("to") @EndOfDay Instant to,
            @BeanParam PageRequest page) {
        HearingQuery query = new HearingQuery(id.value(), null, status == null ? null : status.wire(), from, to);
        return hearings.list(query, page, true);
    }

    /** One hearing with its history; 404 if unknown. */
    @GET
    @ReplicaRead
    @Path("cases/{id}/hearings/{hearing_id}")
    @PermitAll
    public HearingView get(@PathParam("id") Id id, @PathParam("hearing_id") Id hearingId) {
        return hearings.get(id.value(), hearingId.value());
    }

    /** Reschedules ({@code scheduled_at}), vacates or marks held: 200; 409 once vacated or held. */
    @PATCH
    @Path("cases/{id}/hearings/{hearing_id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed(Role.EDITOR_NAME)
    public HearingView patch(
            @PathParam("id") Id id, @PathParam("hearing_id") Id hearingId, @NotNull @Valid HearingPatch body) {
        return hearings.change(id.value(), hearingId.value(), body);
    }

    /** The calendar across cases: from (inclusive), to (exclusive; a date means through that day), court, case_id, status. */
    @GET
    @ReplicaRead
    @Path("hearings")
    @PermitAll
    public Page<HearingView> calendar(
            @QueryParam("from") Instant from,
            @QueryParam("to") @EndOfDay Instant to,
            @QueryParam("court") @Size(max = 64, message = Check.AT_MOST) @NoNul String court,
            @QueryParam("case_id") Id caseId,
            @QueryParam("status") HearingStatus status,
            @BeanParam PageRequest page) {
        HearingQuery query = new HearingQuery(
                Id.valueOf(caseId), Text.blankToNull(court), status == null ? null : status.wire(), from, to);
        return hearings.list(query, page, false);
    }
}
