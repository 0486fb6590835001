package com.docketwatch.courts;

import com.docketwatch.auth.Role;
import com.docketwatch.cases.CaseService;
import com.docketwatch.platform.db.ReplicaRead;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class CourtResource {
    private final CaseService cases;

    public CourtResource(CaseService cases) {
        this.cases = cases;
    }

    /** Adds a court: 201; 409 if the id exists; 422 for a bad id or time zone. */
    @POST
    @Path("courts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.EDITOR_NAME)
    public Response create(@NotNull @Valid CourtRequest body) {
        CourtView court = cases.createCourt(body);
        return Created.at("courts/" + court.id(), court);
    }

    /** All courts, by id. */
    @GET
    @ReplicaRead
    @Path("courts")
    @PermitAll
    public Page<CourtView> list(@BeanParam PageRequest page) {
        return cases.courts(page);
    }
}
