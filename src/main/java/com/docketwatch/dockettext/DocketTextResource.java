package com.docketwatch.dockettext;

import com.docketwatch.auth.Role;
import com.docketwatch.courtdates.CourtDateReader;
import com.docketwatch.courts.CourtDao;
import com.docketwatch.courts.CourtView;
import com.docketwatch.platform.db.Daos;
import com.docketwatch.platform.errors.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** What the court-date reader finds in a docket entry's text, without storing anything. */
@Path("/api/v1/docket-text/dates")
@Produces(MediaType.APPLICATION_JSON)
public class DocketTextResource {
    private final Jdbi jdbi;
    private final CourtDateReader reader;

    public DocketTextResource(Jdbi jdbi, CourtDateReader reader) {
        this.jdbi = jdbi;
        this.reader = reader;
    }

    /** The hearings and deadlines the text announces: 200; 422 for an unknown court; 413 for a body over 1 MiB. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.EDITOR_NAME)
    public Map<String, List<CourtDateView>> read(@NotNull @Valid DocketTextRequest body) {
        CourtView court = jdbi.withHandle(
                        h -> Daos.on(h, CourtDao.class).find(body.court().trim()))
                .orElseThrow(() -> ApiException.invalid(
                        "court", "no court with id " + body.court().trim()));
        ZoneId zone = ZoneId.of(court.timezone());
        return Map.of(
                "data",
                reader.read(body.text(), body.entryDate()).stream()
                        .map(d -> CourtDateView.of(d, zone))
                        .toList());
    }
}
