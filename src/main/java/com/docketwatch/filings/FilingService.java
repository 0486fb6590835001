package com.docketwatch.filings;

import com.docketwatch.cases.CaseDao;
import com.docketwatch.cases.CaseService;
import com.docketwatch.cases.PartyDao;
import com.docketwatch.events.Events;
import com.docketwatch.filings.FilingDao.FilingQuery;
import com.docketwatch.filings.FilingDao.Ranked;
import com.docketwatch.platform.Text;
import com.docketwatch.platform.db.Daos;
import com.docketwatch.platform.db.SqlStates;
import com.docketwatch.platform.errors.ApiException;
import com.docketwatch.platform.request.Cursor;
import com.docketwatch.platform.request.Ids;
import com.docketwatch.platform.request.Page;
import com.docketwatch.platform.request.PageRequest;
import com.docketwatch.platform.request.Params;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Docket entries: creation (with its {@code filing.created} event), per-case lists and full-text search. */
public final class FilingService {
    private final Jdbi jdbi;
    private final Clock clock;
    private final Events events;
    private final EntryListener entries;
    private final Cursor.Signer searchCursors;
    private final FilingPartitions partitions;
    private final WordShares shares;

    /** {@code searchCursors} signs the cursors of full-text searches, whose keys bound the next page's work. */
    public FilingService(
            Jdbi jdbi,
            Clock clock,
            Events events,
            EntryListener entries,
            Cursor.Signer searchCursors,
            FilingPartitions partitions) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.events = events;
        this.entries = entries;
        this.searchCursors = searchCursors;
        this.partitions = partitions;
        this.shares = new WordShares(clock, partitions, MAX_SCAN);
    }

    public FilingView create(long caseId, FilingRequest r) {
        Long filedBy = r.filedBy() == null ? null : Ids.parse(r.filedBy()).getAsLong();
        return jdbi.inTransaction(h -> {
            CaseService.requireCase(h, caseId);
            if (filedBy != null
                    && Daos.on(h, PartyDao.class)
                            .ofCase(caseId, List.of(filedBy))
                            .isEmpty()) {
                throw ApiException.invalid("filed_by", "no party " + filedBy + " in this case");
            }
            Instant now = clock.instant();
            FilingView filing;
            try {
                filing = Daos.on(h, FilingDao.class)
                        .insert(
                                caseId,
                                r.entryNumber(),
                                r.filedOn(),
                                r.kind().wire(),
                                r.title().trim(),
                                Text.blankToNull(r.description()),
                                filedBy,
                                r.documentUrl());
            } catch (UnableToExecuteStatementException e) {
                if (SqlStates.isUniqueViolation(e, FilingDao.UNIQUE_ENTRY)) {
                    throw ApiException.conflict("Case " + caseId + " already has docket entry " + r.entryNumber());
                }
                throw e;
            }
            Daos.on(h, CaseDao.class).touch(caseId, now);
            events.filingCreated(h, filing, now);
            entries.arrived(h, caseId, List.of(filing), now);
            return filing;
        });
    }

    public FilingView get(long caseId, long filingId) {
        return jdbi.withHandle(h -> Daos.on(h, FilingDao.class).find(filingId))
                .filter(f -> f.caseId().equals(Ids.str(caseId)))
                .orElseThrow(() -> ApiException.notFound("No filing " + filingId + " in case " + caseId));
    }

    public Page<FilingView> list(long caseId, FilingQuery query, PageRequest page) {
        Cursor c = page.decode(2);
        return jdbi.withHandle(h -> {
            CaseService.requireCase(h, caseId);
            return byDate(Daos.on(h, FilingDao.class), query, c, page);
        });
    }

    /**
     * How many of the newest matches a full-text search ranks (all of them when there are fewer):
     * bounds the work of a common phrase; narrow by court, case, kind or dates to reach older entries.
     */
    static final int SEARCH_WINDOW = 200;
    /** How many of the newest entries a search reads first, in date order, to see how common its words are. */
    static final int FIRST_SCAN = 10_000;
    /** The most entries a search reads in date order; past that the full-text index is cheaper. */
    static final int MAX_SCAN = 200_000;
    /**
     * Below this share of matching entries, the full-text index finds the newest matches sooner than
     * reading entries in date order: reading costs ~1 µs an entry, the index ~8 µs a match, so the two
     * meet at sqrt(window / (8 × entries)), 0.2 % for 200 of 5 million entries.
     */
    static final double DATE_ORDER_SHARE = 0.002;

    /**
     * What reading one entry in date order and testing its words costs, against fetching one match the
     * full-text index found (relative: 0.8 µs and 1.5–4 µs on the benchmark's 5M-entry corpus, cached;
     * docs/benchmarks.md). With the words' share from the statistics, a search takes the cheaper: date order
     * reads {@code window / share} entries, the index fetches every match of the partitions it reads until
     * the window is full.
     */
    static final double READ_COST = 1;

    static final double MATCH_COST = 4;

    private static final String NO_FLOOR = "-";

    /** Search across cases: ranked by relevance when {@code text} is given, newest first otherwise. */
    public Page<FilingView> search(FilingQuery query, String text, PageRequest page) {
        if (text == null) {
            Cursor c = page.decode(2);
            return jdbi.withHandle(h -> byDate(Daos.on(h, FilingDao.class), query, c, page));
        }
        // rank, id, how the window was found (r: date order, g: the index, a: every match) and its floor,
        // signed with the search it pages: the floor bounds the next pages' work, so a client may not set it.
        String signedFor = signingContext(query, text);
        Cursor c = page.cursor() == null ? null : searchCursors.verify(page.cursor(), signedFor, 5);
        Float afterRank = c == null ? null : parseRank(c.get(0));
        Long afterId = c == null ? null : c.getLong(1);
        return jdbi.withHandle(h -> {
            FilingDao dao = Daos.on(h, FilingDao.class);
            Window w = c == null ? firstWindow(dao, query, text) : laterWindow(dao, query, text, c);
            List<Ranked> rows = dao.rank(w.matches(), text, afterRank, afterId, page.fetchSize());
            return Page.of(
                    rows,
                    page,
                    r -> searchCursors.sign(
                            Cursor.of(
                                    r.rank(),
                                    r.id(),
                                    w.how(),
                                    w.floor() == null ? NO_FLOOR : w.floor().on(),
                                    w.floor() == null ? NO_FLOOR : w.floor().id()),
                            signedFor),
                    Ranked::view);
        });
    }

    /**
     * What a search cursor is signed with: the search text and every filter (each with its length, so no two
     * searches read the same), so the cursor pages that search only. v2: the window is found partition by
     * partition (issue 14); a v1 cursor is refused as any cursor another search returned.
     */
    private static String signingContext(FilingQuery q, String text) {
        StringBuilder context = new StringBuilder("filings-search-v2");
        for (Object part : new Object[] {text, q.caseId(), q.court(), q.kind(), q.filedAfter(), q.filedBefore()}) {
            String s = String.valueOf(part);
            context.append('|')
                    .append(part == null ? -1 : s.length())
                    .append(':')
                    .append(s);
        }
        return context.toString();
    }

    /** The matches a search ranks, how they were found, and the oldest of them when they are not all. */
    private record Window(List<FilingDao.Match> matches, String how, FilingDao.Keyset floor) {
        static Window of(List<FilingDao.Match> matches, String how) {
            if (how.equals("a")) {
                return new Window(matches, how, null);
            }
            FilingDao.Match last = matches.get(matches.size() - 1);
            return new Window(matches, how, new FilingDao.Keyset(last.filedOn(), last.id()));
        }
    }

    /**
     * First page: the newest matches by reading recent entries in date order when the words are common
     * enough for that to end soon, else through the index, partitions newest first until the window is full:
     * the work follows the matches in the newest partitions, not the size of the docket. How common the words
     * are comes from PostgreSQL's statistics of the newest partitions ({@link WordShares}) unless a case is
     * named (a docket's words are its own); otherwise, or without statistics, the first {@link #FIRST_SCAN}
     * entries read tell.
     */
    private Window firstWindow(FilingDao dao, FilingQuery query, String text) {
        DateRange within = FilingPartitions.within(query, null);
        if (query.caseId() != null && dao.caseHasAtMost(query.caseId(), FIRST_SCAN)) {
            // A case's whole docket in date order is a read of the first scan's size: every match, at once.
            List<FilingDao.Match> all = query.filedAfter() == null && query.filedBefore() == null
                    ? dao.plannedOnce(() -> dao.docketMatches(query, text, FIRST_SCAN, SEARCH_WINDOW))
                    : dao.recentMatches(query, text, null, null, FIRST_SCAN, SEARCH_WINDOW);
            return Window.of(all, all.size() >= SEARCH_WINDOW ? "r" : "a");
        }
        int first = FIRST_SCAN;
        OptionalDouble estimate = query.caseId() == null ? shares.atMost(dao, text) : OptionalDouble.empty();
        if (estimate.isPresent()) {
            double share = Math.max(estimate.getAsDouble(), 1e-9);
            double read = SEARCH_WINDOW / share;
            double fetched = share * partitions.entriesToWindow(dao, within, share, SEARCH_WINDOW);
            if (read > MAX_SCAN || read * READ_COST > Math.max(fetched, SEARCH_WINDOW) * MATCH_COST) {
                return indexWindow(dao, query, text);
            }
            first = (int) Math.min(MAX_SCAN, Math.ceil(read * 1.25));
        }
        List<FilingDao.Match> recent =
                dao.recentMatches(query, text, partitions.since(dao, first, within), null, first, SEARCH_WINDOW);
        if (recent.size() >= SEARCH_WINDOW) {
            return Window.of(recent, "r");
        }
        double share = recent.size() / (double) first;
        if (share >= DATE_ORDER_SHARE) {
            long needed = (long) Math.ceil(SEARCH_WINDOW / share * 1.25);
            if (needed <= MAX_SCAN) {
                List<FilingDao.Match> more = dao.recentMatches(
                        query, text, partitions.since(dao, needed, within), null, (int) needed, SEARCH_WINDOW);
                if (more.size() >= SEARCH_WINDOW) {
                    return Window.of(more, "r");
                }
            }
        }
        return indexWindow(dao, query, text);
    }

    /** The newest matches through the full-text index, partitions newest first. */
    private Window indexWindow(FilingDao dao, FilingQuery query, String text) {
        List<FilingDao.Match> found = partitions.newest(dao, query, text, null, SEARCH_WINDOW);
        return Window.of(found, found.size() >= SEARCH_WINDOW ? "g" : "a");
    }

    /**
     * Later pages: every match at or above the first page's floor (entries filed since included), found the
     * same way; the floor's date limits them to the partitions the first page read.
     */
    private static Window laterWindow(FilingDao dao, FilingQuery query, String text, Cursor c) {
        String how = c.get(2);
        FilingDao.Keyset floor =
                c.get(4).equals(NO_FLOOR) ? null : new FilingDao.Keyset(parseDate(c.get(3)), c.getLong(4));
        if (!how.equals("r") && !how.equals("g") && !how.equals("a") || how.equals("a") != (floor == null)) {
            throw ApiException.badParameter("cursor", "is not a cursor this list returned");
        }
        DateRange within = FilingPartitions.within(query, null);
        DateRange range = floor == null ? within : within.intersect(new DateRange(floor.on(), null));
        List<FilingDao.Match> m = how.equals("r")
                ? dao.recentMatches(query, text, floor.on(), floor, null, null)
                : range == null ? List.of() : dao.newest(query, text, range, null, floor, null);
        return new Window(m, how, floor);
    }

    private Page<FilingView> byDate(FilingDao dao, FilingQuery query, Cursor c, PageRequest page) {
        FilingDao.Keyset before = c == null ? null : new FilingDao.Keyset(parseDate(c.get(0)), c.getLong(1));
        List<FilingView> rows = dao.rows(partitions.newest(dao, query, null, before, page.fetchSize()));
        return Page.of(rows, page, f -> Cursor.of(f.filedOn(), f.id()), f -> f);
    }

    private static Float parseRank(String s) {
        try {
            return Float.parseFloat(s);
        } catch (NumberFormatException e) {
            throw ApiException.badParameter("cursor", "is not a cursor this list returned");
        }
    }

    private static LocalDate parseDate(String s) {
        try {
            LocalDate date = LocalDate.parse(s);
            if (Params.supportedYear(date.getYear())) {
                return date;
            }
        } catch (RuntimeException e) {
            // fall through
        }
        throw ApiException.badParameter("cursor", "is not a cursor this list returned");
    }
}
