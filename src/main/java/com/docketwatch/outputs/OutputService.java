package com.docketwatch.outputs;

import com.docketwatch.cases.CaseDao;
import com.docketwatch.cases.CaseDao.CaseRef;
import com.docketwatch.filings.FilingDao;
import com.docketwatch.filings.FilingDao.FilingQuery;
import com.docketwatch.filings.FilingPartitions;
import com.docketwatch.hearings.HearingDao;
import com.docketwatch.hearings.HearingDao.HearingQuery;
import com.docketwatch.platform.db.Daos;
import com.docketwatch.platform.errors.ApiException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Calendars (.ics) of hearings and Atom feeds of filings, for apps that subscribe to a URL. */
public final class OutputService {
    /** A calendar holds at most this many hearings: the latest ones, when more match. */
    public static final int MAX_HEARINGS = 5000;

    private final Jdbi jdbi;
    private final FilingPartitions partitions;

    public OutputService(Jdbi jdbi, FilingPartitions partitions) {
        this.jdbi = jdbi;
        this.partitions = partitions;
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
                    filings(h, new FilingQuery(caseId, null, null, null, null), null, limit),
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
                jdbi.withHandle(h -> filings(h, query, text, limit)),
                AtomFeed.TAG + "filings" + (canonical.isEmpty() ? "" : "?" + canonical),
                text == null ? "DocketWatch filings" : "DocketWatch filings matching \u201c" + text + "\u201d",
                self,
                page,
                true,
                Instant.EPOCH);
    }

    /** The newest {@code limit} filings matching the filters (and {@code text}, when given), newest first. */
    private List<FilingDao.FeedRow> filings(Handle h, FilingQuery query, String text, int limit) {
        FilingDao dao = Daos.on(h, FilingDao.class);
        return dao.feed(partitions.newest(dao, query, text, null, limit));
    }

    private static CaseRef requireCase(CaseDao dao, long caseId) {
        return dao.ref(caseId).orElseThrow(() -> ApiException.notFound("No case with id " + caseId));
    }
}
