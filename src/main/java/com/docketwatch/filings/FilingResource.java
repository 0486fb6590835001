package com.docketwatch.filings;

import com.docketwatch.auth.Role;
import com.docketwatch.filings.FilingDao.FilingQuery;
import com.docketwatch.platform.Text;
import com.docketwatch.platform.db.ReplicaRead;
import com.docketwatch.platform.request.Check;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;

/** Docket entries of a case, and search across all cases. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class FilingResource {
    private final FilingService filings;

    public FilingResource(FilingService filings) {
        this.filings = filings;
    }

    /** Adds a docket entry (and its filing.created event): 201; 409 for a duplicate entry_number. */
    @POST
    @Path("cases/{id}/filings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.EDITOR_NAME)
    public Response create(@PathParam("id") Id id, @NotNull @Valid FilingRequest body) {
        FilingView f = filings.create(id.value(), body);
        return Created.at("cases/" + f.caseId() + "/filings/" + f.id(), f);
    }

    /** The case's filings, newest first. */
    @GET
    @ReplicaRead
    @Path("cases/{id}/filings")
    @PermitAll
    public Page<FilingView> list(
            @PathParam("id") Id id,
            @QueryParam("kind") FilingKind kind,
            @QueryParam("filed_after") LocalDate filedAfter,
            @QueryParam("filed_before") LocalDate filedBefore,
            @BeanParam PageRequest page) {
        FilingQuery query =
                new FilingQuery(id.value(), null, kind == null ? null : kind.wire(), filedAfter, filedBefore);
        return filings.list(id.value(), query, page);
    }

    /** One filing of the case; 404 if unknown. */
    @GET
    @ReplicaRead
    @Path("cases/{id}/filings/{filing_id}")
    @PermitAll
    public FilingView get(@PathParam("id") Id id, @PathParam("filing_id") Id filingId) {
        return filings.get(id.value(), filingId.value());
    }

    /** Search across cases: with q, full text (websearch syntax) ranked by relevance; without, newest first. */
    @GET
    @ReplicaRead
    @Path("filings")
    @PermitAll
    public Page<FilingView> search(
            @QueryParam("q") @Size(max = 500, message = Check.AT_MOST) @NoNul String q,
            @QueryParam("court") @Size(max = 64, message = Check.AT_MOST) @NoNul String court,
            @QueryParam("case_id") Id caseId,
            @QueryParam("kind") FilingKind kind,
            @QueryParam("filed_after") LocalDate filedAfter,
            @QueryParam("filed_before") LocalDate filedBefore,
            @BeanParam PageRequest page) {
        FilingQuery query = FilingQuery.of(caseId, court, kind, filedAfter, filedBefore);
        return filings.search(query, Text.blankToNull(q), page);
    }
}
