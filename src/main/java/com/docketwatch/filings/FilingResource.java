package com.docketwatch.filings;

import com.docketwatch.cases.CaseResource;
import com.docketwatch.platform.web.Created;
import com.docketwatch.platform.web.Page;
import com.docketwatch.auth.Role;
import com.docketwatch.platform.web.Ids;
import com.docketwatch.platform.web.PageRequest;
import com.docketwatch.platform.web.Params;
import com.docketwatch.platform.web.Vocabulary;
import com.docketwatch.filings.FilingDao.FilingQuery;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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
    public Response create(@PathParam("id") String id, FilingRequest body) {
        FilingView f = filings.create(CaseResource.caseId(id), body);
        return Created.at("cases/" + f.caseId() + "/filings/" + f.id(), f);
    }

    /** The case's filings, newest first. */
    @GET
    @Path("cases/{id}/filings")
    @PermitAll
    public Page<FilingView> list(@PathParam("id") String id, @QueryParam("kind") String kind,
            @QueryParam("filed_after") String filedAfter, @QueryParam("filed_before") String filedBefore,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        long caseId = CaseResource.caseId(id);
        FilingQuery query = new FilingQuery(caseId, null, Params.oneOf("kind", kind, Vocabulary.FILING_KINDS),
                Params.date("filed_after", filedAfter), Params.date("filed_before", filedBefore));
        return filings.list(caseId, query, PageRequest.of(limit, cursor));
    }

    /** One filing of the case; 404 if unknown. */
    @GET
    @Path("cases/{id}/filings/{filing_id}")
    @PermitAll
    public FilingView get(@PathParam("id") String id, @PathParam("filing_id") String filingId) {
        return filings.get(CaseResource.caseId(id), Ids.path(filingId, "filing"));
    }

    /** Search across cases: with q, full text (websearch syntax) ranked by relevance; without, newest first. */
    @GET
    @Path("filings")
    @PermitAll
    public Page<FilingView> search(@QueryParam("q") String q, @QueryParam("court") String court,
            @QueryParam("case_id") String caseId, @QueryParam("kind") String kind,
            @QueryParam("filed_after") String filedAfter, @QueryParam("filed_before") String filedBefore,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        FilingQuery query = new FilingQuery(Params.id("case_id", caseId), Params.text("court", court, 64),
                Params.oneOf("kind", kind, Vocabulary.FILING_KINDS),
                Params.date("filed_after", filedAfter), Params.date("filed_before", filedBefore));
        return filings.search(query, Params.text("q", q, 500), PageRequest.of(limit, cursor));
    }
}
