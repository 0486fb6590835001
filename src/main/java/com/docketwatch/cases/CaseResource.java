package com.docketwatch.cases;

import com.docketwatch.auth.Role;
import com.docketwatch.cases.CaseDao.CaseQuery;
import com.docketwatch.platform.Text;
import com.docketwatch.platform.db.ReplicaRead;
import com.docketwatch.platform.request.Check;
import com.docketwatch.platform.request.Id;
import com.docketwatch.platform.request.Ids;
import com.docketwatch.platform.request.NoNul;
import com.docketwatch.platform.request.Page;
import com.docketwatch.platform.request.PageRequest;
import com.docketwatch.platform.web.Created;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.time.LocalDate;
import java.util.List;

/**
 * Cases, their parties, related cases and status history. Every resource under {@code /api/v1/cases/{id}}
 * except claims is rooted at {@code /api/v1}: JAX-RS picks one root class per request, and these share it.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class CaseResource {
    private final CaseService cases;
    private final StatusService statuses;

    public CaseResource(CaseService cases, StatusService statuses) {
        this.cases = cases;
        this.statuses = statuses;
    }

    /** Opens a case: 201; 409 if (court, docket_number) exists; 422 for invalid fields or an unknown court. */
    @POST
    @Path("cases")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.EDITOR_NAME)
    public Response create(@NotNull @Valid CaseRequest body) {
        CaseView c = cases.createCase(body);
        return Created.at("cases/" + c.id(), c);
    }

    /** Cases in creation order, filtered; 400 for a malformed filter. */
    @GET
    @ReplicaRead
    @Path("cases")
    @PermitAll
    public Page<CaseSummary> list(
            @QueryParam("status") CaseStatus status,
            @QueryParam("court") @Size(max = 64, message = Check.AT_MOST) @NoNul String court,
            @QueryParam("party") @Size(max = 500, message = Check.AT_MOST) @NoNul String party,
            @QueryParam("q") @Size(max = 500, message = Check.AT_MOST) @NoNul String q,
            @QueryParam("filed_after") LocalDate filedAfter,
            @QueryParam("filed_before") LocalDate filedBefore,
            @QueryParam("updated_since") Instant updatedSince,
            @BeanParam PageRequest page) {
        CaseQuery query = new CaseQuery(
                status == null ? null : status.wire(),
                Text.blankToNull(court),
                Text.blankToNull(party),
                Text.blankToNull(q),
                filedAfter,
                filedBefore,
                updatedSince);
        return cases.list(query, page);
    }

    /** The case with parties, claims, next hearing and related cases; 404 if unknown. */
    @GET
    @ReplicaRead
    @Path("cases/{id}")
    @PermitAll
    public CaseView get(@PathParam("id") Id id) {
        return cases.get(id.value());
    }

    /** Changes caption, judge or nature of suit; 422 for status or any other field. */
    @PATCH
    @Path("cases/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed(Role.EDITOR_NAME)
    public CaseView patch(@PathParam("id") Id id, JsonNode body) {
        return cases.patch(id.value(), body);
    }

    /** Links a related case: 201 with this case's related cases; 409 if already linked. */
    @POST
    @Path("cases/{id}/related")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.EDITOR_NAME)
    public Response relate(@PathParam("id") Id id, @NotNull @Valid RelationRequest body) {
        long caseId = id.value();
        List<RelatedCaseView> related = cases.relate(caseId, body);
        return Response.status(Response.Status.CREATED)
                .location(java.net.URI.create("/api/v1/cases/" + caseId))
                .entity(java.util.Map.of("case_id", Ids.str(caseId), "related_cases", related))
                .build();
    }

    /** Adds a party with its counsel: 201. */
    @POST
    @Path("cases/{id}/parties")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.EDITOR_NAME)
    public Response addParty(@PathParam("id") Id id, @NotNull @Valid PartyRequest body) {
        PartyView p = cases.addParty(id.value(), body);
        return Created.at("cases/" + p.caseId() + "/parties/" + p.id(), p);
    }

    /** The case's parties with counsel. */
    @GET
    @ReplicaRead
    @Path("cases/{id}/parties")
    @PermitAll
    public Page<PartyView> parties(@PathParam("id") Id id, @BeanParam PageRequest page) {
        return cases.parties(id.value(), page);
    }

    /** One party with counsel; 404 if unknown. */
    @GET
    @ReplicaRead
    @Path("cases/{id}/parties/{party_id}")
    @PermitAll
    public PartyView party(@PathParam("id") Id id, @PathParam("party_id") Id partyId) {
        return cases.party(id.value(), partyId.value());
    }

    /** One status change; 404 if unknown. */
    @GET
    @ReplicaRead
    @Path("cases/{id}/status-changes/{change_id}")
    @PermitAll
    public StatusChangeView statusChange(@PathParam("id") Id id, @PathParam("change_id") Id changeId) {
        return statuses.get(id.value(), changeId.value());
    }

    /** Changes the status: 201; 409 for a transition the table does not allow; 422 for a reopen without reason. */
    @POST
    @Path("cases/{id}/status-changes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.EDITOR_NAME)
    public Response changeStatus(@PathParam("id") Id id, @NotNull @Valid StatusChangeRequest body) {
        StatusChangeView change = statuses.change(id.value(), body);
        return Created.at("cases/" + change.caseId() + "/status-changes/" + change.id(), change);
    }

    /** The status history, oldest first. */
    @GET
    @ReplicaRead
    @Path("cases/{id}/status-changes")
    @PermitAll
    public Page<StatusChangeView> statusHistory(@PathParam("id") Id id, @BeanParam PageRequest page) {
        return statuses.history(id.value(), page);
    }
}
