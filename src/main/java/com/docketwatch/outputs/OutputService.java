package com.docketwatch.outputs;

import com.docketwatch.cases.CaseDao;
import com.docketwatch.cases.CaseDao.CaseRef;
import com.docketwatch.filings.FilingDao;
import com.docketwatch.filings.FilingDao.FilingQuery;
import com.docketwatch.hearings.HearingDao;
import com.docketwatch.hearings.HearingDao.HearingQuery;
import com.docketwatch.platform.db.Daos;
import com.docketwatch.platform.errors.ApiException;
import java.net.URI;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/** Calendars (.ics) of hearings and Atom feeds of filings, for apps that subscribe to a URL. */
public final class OutputService {
    /** A calendar holds at most this many hearings: the latest ones, when more match. */
    public static final int MAX_HEARINGS = 5000;

    private final Jdbi jdbi;

    public OutputService(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public String caseCalendar(long caseId, URI page) {
        return jdbi.withHandle(h -> {
            CaseRef c = requireCase(Daos.on(h, CaseDao.class), caseId);
            return HearingCalendar.render(
                    Daos.on(h, HearingDao.class)
                            .calendar(new HearingQuery(caseId, null, null, null, null), MAX_HEARINGS),
                    "Hearings: " + c.caption() + " (" + c.docketNumber() + ")",
                    page);
        });
    }

    public String calendar(HearingQuery query, URI page) {
        return HearingCalendar.render(
                jdbi.withHandle(h -> Daos.on(h, HearingDao.class).calendar(query, MAX_HEARINGS)),
                "DocketWatch hearings",
                page);
    }

    public String caseFeed(long caseId, int limit, URI self, URI page) {
        return jdbi.withHandle(h -> {
            CaseRef c = requireCase(Daos.on(h, CaseDao.class), caseId);
            Instant created = Daos.on(h, CaseDao.class).createdAt(caseId).orElseThrow();
            return AtomFeed.render(
                    Daos.on(h, FilingDao.class).feed(new FilingQuery(caseId, null, null, null, null), null, limit),
                    AtomFeed.TAG + "case/" + caseId + "/filings",
                    "Filings: " + c.caption() + " (" + c.docketNumber() + ")",
                    self,
                    page.resolve("/#case=" + caseId),
                    false,
                    created);
        });
    }

    /** {@code canonical}: the filters as a stable string, part of the feed's id. */
    public String feed(FilingQuery query, String text, int limit, String canonical, URI self, URI page) {
        return AtomFeed.render(
                jdbi.withHandle(h -> Daos.on(h, FilingDao.class).feed(query, text, limit)),
                AtomFeed.TAG + "filings" + (canonical.isEmpty() ? "" : "?" + canonical),
                text == null ? "DocketWatch filings" : "DocketWatch filings matching \u201c" + text + "\u201d",
                self,
                page,
                true,
                Instant.EPOCH);
    }

    private static CaseRef requireCase(CaseDao dao, long caseId) {
        return dao.ref(caseId).orElseThrow(() -> ApiException.notFound("No case with id " + caseId));
    }
}
