package com.docketwatch.ingest;

import com.docketwatch.auth.Role;
import com.docketwatch.platform.web.Created;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Docket import: one docket in juriscraper's parsed-PACER JSON shape per request. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {
    private final ImportService imports;

    public ImportResource(ImportService imports) {
        this.imports = imports;
    }

    /**
     * Imports a docket in one transaction: 201 (Location: the case) when the case was created, 200 when it
     * existed; 400 malformed JSON; 413 over 64 MiB; 422 naming each bad field (nothing is written).
     */
    @POST
    @Path("imports")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.EDITOR_NAME)
    public Response create(Docket body) {
        ImportService.Result r = imports.importDocket(body);
        return r.caseCreated()
                ? Created.at("cases/" + r.summary().caseId(), r.summary())
                : Response.ok(r.summary()).build();
    }
}
