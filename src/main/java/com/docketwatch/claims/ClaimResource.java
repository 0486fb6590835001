package com.docketwatch.claims;

import com.docketwatch.auth.Role;
import com.docketwatch.platform.db.ReplicaRead;
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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Claims (causes of action) of a case. */
@Path("/api/v1/cases/{id}/claims")
@Produces(MediaType.APPLICATION_JSON)
public class ClaimResource {
    private final ClaimService claims;

    public ClaimResource(ClaimService claims) {
        this.claims = claims;
    }

    /** Adds a claim: 201; 422 when {@code against} names a party outside the case. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.EDITOR_NAME)
    public Response create(@PathParam("id") Id id, @NotNull @Valid ClaimRequest body) {
        ClaimView c = claims.create(id.value(), body);
        return Created.at("cases/" + c.caseId() + "/claims/" + c.id(), c);
    }

    /** The claims with their history. */
    @GET
    @ReplicaRead
    @PermitAll
    public Page<ClaimView> list(@PathParam("id") Id id, @BeanParam PageRequest page) {
        return claims.list(id.value(), page);
    }

    /** One claim with its history; 404 if unknown. */
    @GET
    @ReplicaRead
    @Path("{claim_id}")
    @PermitAll
    public ClaimView get(@PathParam("id") Id id, @PathParam("claim_id") Id claimId) {
        return claims.get(id.value(), claimId.value());
    }

    /** A new status (kept in the history, raising claim.updated): 200; 409 if unchanged. */
    @PATCH
    @Path("{claim_id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed(Role.EDITOR_NAME)
    public ClaimView patch(@PathParam("id") Id id, @PathParam("claim_id") Id claimId, @NotNull @Valid ClaimPatch body) {
        return claims.changeStatus(id.value(), claimId.value(), body);
    }
}
