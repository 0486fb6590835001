package com.docketwatch.cases;

import com.docketwatch.platform.web.Created;
import com.docketwatch.platform.web.Page;
import com.docketwatch.auth.Role;
import com.docketwatch.platform.web.Ids;
import com.docketwatch.platform.web.PageRequest;
import com.docketwatch.platform.web.Params;
import com.docketwatch.cases.CaseDao.CaseQuery;
import com.fasterxml.jackson.databind.JsonNode;
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
    public Response create(CaseRequest body) {
        CaseView c = cases.createCase(body);
        return Created.at("cases/" + c.id(), c);
    }

    /** Cases in creation order, filtered; 400 for a malformed filter. */
    @GET
    @Path("cases")
    @PermitAll
    public Page<CaseSummary> list(@QueryParam("status") String status, @QueryParam("court") String court,
            @QueryParam("party") String party, @QueryParam("q") String q,
            @QueryParam("filed_after") String filedAfter, @QueryParam("filed_before") String filedBefore,
            @QueryParam("updated_since") String updatedSince,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        CaseQuery query = new CaseQuery(Params.oneOf("status", status, CaseStatus.ALL), Params.text("court", court, 64),
                Params.text("party", party, 500), Params.text("q", q, 500),
                Params.date("filed_after", filedAfter), Params.date("filed_before", filedBefore),
                Params.instant("updated_since", updatedSince, false));
        return cases.list(query, PageRequest.of(limit, cursor));
    }

    /** The case with parties, claims, next hearing and related cases; 404 if unknown. */
    @GET
    @Path("cases/{id}")
    @PermitAll
    public CaseView get(@PathParam("id") String id) {
        return cases.get(caseId(id));
    }

    /** Changes caption, judge or nature of suit; 422 for status or any other field. */
    @PATCH
    @Path("cases/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed(Role.EDITOR_NAME)
    public CaseView patch(@PathParam("id") String id, JsonNode body) {
        return cases.patch(caseId(id), body);
    }

    /** Links a related case: 201 with this case's related cases; 409 if already linked. */
    @POST
    @Path("cases/{id}/related")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.EDITOR_NAME)
    public Response relate(@PathParam("id") String id, RelationRequest body) {
        long caseId = caseId(id);
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
    public Response addParty(@PathParam("id") String id, PartyRequest body) {
        PartyView p = cases.addParty(caseId(id), body);
        return Created.at("cases/" + p.caseId() + "/parties/" + p.id(), p);
    }

    /** The case's parties with counsel. */
    @GET
    @Path("cases/{id}/parties")
    @PermitAll
    public Page<PartyView> parties(@PathParam("id") String id, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return cases.parties(caseId(id), PageRequest.of(limit, cursor));
    }

    /** One party with counsel; 404 if unknown. */
    @GET
    @Path("cases/{id}/parties/{party_id}")
    @PermitAll
    public PartyView party(@PathParam("id") String id, @PathParam("party_id") String partyId) {
        return cases.party(caseId(id), Ids.path(partyId, "party"));
    }

    /** One status change; 404 if unknown. */
    @GET
    @Path("cases/{id}/status-changes/{change_id}")
    @PermitAll
    public StatusChangeView statusChange(@PathParam("id") String id, @PathParam("change_id") String changeId) {
        return statuses.get(caseId(id), Ids.path(changeId, "status change"));
    }

    /** Changes the status: 201; 409 for a transition the table does not allow; 422 for a reopen without reason. */
    @POST
    @Path("cases/{id}/status-changes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.EDITOR_NAME)
    public Response changeStatus(@PathParam("id") String id, StatusChangeRequest body) {
        StatusChangeView change = statuses.change(caseId(id), body);
        return Created.at("cases/" + change.caseId() + "/status-changes/" + change.id(), change);
    }

    /** The status history, oldest first. */
    @GET
    @Path("cases/{id}/status-changes")
    @PermitAll
    public Page<StatusChangeView> statusHistory(@PathParam("id") String id, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return statuses.history(caseId(id), PageRequest.of(limit, cursor));
    }

    public static long caseId(String raw) {
        return Ids.path(raw, "case");
    }
}
