package com.docketwatch.outputs;

import com.docketwatch.filings.FilingDao.FilingQuery;
import com.docketwatch.filings.FilingKind;
import com.docketwatch.hearings.HearingDao.HearingQuery;
import com.docketwatch.hearings.HearingStatus;
import com.docketwatch.platform.Text;
import com.docketwatch.platform.db.ReplicaRead;
import com.docketwatch.platform.request.Check;
import com.docketwatch.platform.request.EndOfDay;
import com.docketwatch.platform.request.Id;
import com.docketwatch.platform.request.Limit;
import com.docketwatch.platform.request.NoNul;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Calendars and feeds for apps that subscribe to a URL: they authenticate with a Bearer key or, since
 * such apps cannot send headers, with {@code ?token=<feed token>} ({@link FeedAccess}). The
 * {@code token} parameter is read by the authentication filter; it is declared here so the contract
 * names it.
 */
@Path("/api/v1")
@PermitAll
@FeedAccess
public class OutputResource {
    public static final String CALENDAR = "text/calendar";
    public static final String ATOM = "application/atom+xml";

    private final OutputService feeds;

    public OutputResource(OutputService feeds) {
        this.feeds = feeds;
    }

    /** The case's hearings as an iCalendar file: 200; 404 for an unknown case. */
    @GET
    @ReplicaRead
    @Path("cases/{id}/hearings.ics")
    @Produces(CALENDAR)
    public Response caseCalendar(@PathParam("id") Id id, @QueryParam("token") String token, @Context UriInfo uri) {
        return ok(feeds.caseCalendar(id.value(), page(uri)), CALENDAR);
    }

    /** Hearings across cases, with the filters of GET /hearings, as an iCalendar file: 200; 400 for a malformed filter. */
    @GET
    @ReplicaRead
    @Path("hearings.ics")
    @Produces(CALENDAR)
    public Response calendar(
            @QueryParam("from") Instant from,
            @QueryParam("to") @EndOfDay Instant to,
            @QueryParam("court") @Size(max = 64, message = Check.AT_MOST) @NoNul String court,
            @QueryParam("case_id") Id caseId,
            @QueryParam("status") HearingStatus status,
            @QueryParam("token") String token,
            @Context UriInfo uri) {
        HearingQuery query = new HearingQuery(
                Id.valueOf(caseId), Text.blankToNull(court), status == null ? null : status.wire(), from, to);
        return ok(feeds.calendar(query, page(uri)), CALENDAR);
    }

    /** The case's filings as an Atom feed, newest first: 200; 404 for an unknown case. */
    @GET
    @ReplicaRead
    @Path("cases/{id}/filings.atom")
    @Produces(ATOM)
    public Response caseFeed(
            @PathParam("id") Id id,
            @QueryParam("limit") Limit limit,
            @QueryParam("token") String token,
            @Context UriInfo uri) {
        return ok(feeds.caseFeed(id.value(), Limit.valueOr(limit), self(uri), page(uri)), ATOM);
    }

    /** Filings across cases, with the filters of GET /filings, as an Atom feed, newest first: 200; 400 for a malformed filter. */
    @GET
    @ReplicaRead
    @Path("filings.atom")
    @Produces(ATOM)
    public Response feed(
            @QueryParam("q") @Size(max = 500, message = Check.AT_MOST) @NoNul String q,
            @QueryParam("court") @Size(max = 64, message = Check.AT_MOST) @NoNul String court,
            @QueryParam("case_id") Id caseId,
            @QueryParam("kind") FilingKind kind,
            @QueryParam("filed_after") LocalDate filedAfter,
            @QueryParam("filed_before") LocalDate filedBefore,
            @QueryParam("limit") Limit limit,
            @QueryParam("token") String token,
            @Context UriInfo uri) {
        FilingQuery query = FilingQuery.of(caseId, court, kind, filedAfter, filedBefore);
        String text = Text.blankToNull(q);
        List<String> canonical = new ArrayList<>();
        add(canonical, "q", text);
        add(canonical, "court", query.court());
        add(canonical, "case_id", query.caseId());
        add(canonical, "kind", query.kind());
        add(canonical, "filed_after", query.filedAfter());
        add(canonical, "filed_before", query.filedBefore());
        return ok(
                feeds.feed(query, text, Limit.valueOr(limit), String.join("&", canonical), self(uri), page(uri)), ATOM);
    }

    private static Response ok(String body, String type) {
        return Response.ok(body, type + "; charset=UTF-8").build();
    }

    /** This feed's own URL, without the token: a reader already knows it, and it is not to be copied around. */
    private static URI self(UriInfo uri) {
        return uri.getRequestUriBuilder().replaceQueryParam("token").build();
    }

    /** The web page the service serves at /. */
    private static URI page(UriInfo uri) {
        return uri.getBaseUri().resolve("/");
    }

    private static void add(List<String> out, String name, Object value) {
        if (value != null) {
            out.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
        }
    }
}
