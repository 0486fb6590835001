package com.docketwatch.cases;

import com.docketwatch.claims.ClaimDao;
import com.docketwatch.hearings.HearingDao;
import com.docketwatch.platform.db.Filter;
import com.docketwatch.platform.db.JsonRows;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Cases, their status and their links to related cases. */
public interface CaseDao extends SqlObject {
    /** What an event needs to name its case. */
    record CaseRef(long id, String courtId, String docketNumber, String caption, String status, String timezone) {}

    /** A case's own columns, as {@link CaseSummary} names them ({@code c} is the case). */
    String SUMMARY = """
            c.id::text as id, c.court_id as court, c.docket_number, c.caption, c.filed_on, c.judge,
            c.nature_of_suit, c.status, c.status_since, c.created_at, c.updated_at
            """;

    /**
     * A case and everything {@code GET /cases/{id}} shows with it, in one statement: the case's columns,
     * then each kind of row that goes with it as a JSON array ({@link JsonRows}): its parties, their
     * counsel, related cases, claims with their history and defendants, and the next hearing with its
     * history. Claims and the hearing use their DAO's column lists, so the JSON fits the same records.
     *
     * <p>Related cases are both directions: links this case made, and links others made to it (the
     * relation prefixed with {@code ~}, for the service to show as its inverse). The next hearing is the
     * case's first (by scheduled_at, id) still on the calendar at or after {@code :now}; its history
     * repeats that choice.
     */
    String WHOLE = "select " + SUMMARY + ",\n" + """
                (select json_agg(p order by p.id)
                 from (select id, case_id, name, role, created_at
                       from parties
                       where case_id = :id) p
                )::text as parties,
                (select json_agg(k order by k.party_id, k.id)
                 from (select k.id, k.party_id, k.name, k.firm
                       from counsel k
                       join parties p on p.id = k.party_id
                       where p.case_id = :id) k
                )::text as counsel,
                (select json_agg(r)
                 from (select r.related_case_id::text as case_id, r.relation, o.court_id as court,
                              o.docket_number, o.caption
                       from case_relations r
                       join cases o on o.id = r.related_case_id
                       where r.case_id = :id
                       union all
                       select r.case_id::text, '~' || r.relation, o.court_id, o.docket_number, o.caption
                       from case_relations r
                       join cases o on o.id = r.case_id
                       where r.related_case_id = :id) r
                )::text as related,
                (select json_agg(x order by x.id)
                 from (select
                """ + ClaimDao.ROW + """
                       from claims
                       where case_id = :id) x
                )::text as claims,
                (select json_agg(x order by x.claim_id, x.id)
                 from (select ch.id, ch.claim_id, ch.from_status, ch.status, ch.reason, ch.filing_id, ch.changed_at
                       from claim_history ch
                       join claims k on k.id = ch.claim_id
                       where k.case_id = :id) x
                )::text as claim_history,
                (select json_agg(x order by x.claim_id, x.party_id)
                 from (select d.claim_id, d.party_id
                       from claim_defendants d
                       join claims k on k.id = d.claim_id
                       where k.case_id = :id) x
                )::text as claim_against,
                (select json_agg(x)
                 from (select
                """ + HearingDao.ROW + HearingDao.FROM + """
                       where h.case_id = :id and h.status in ('scheduled', 'rescheduled') and h.scheduled_at >= :now
                       order by h.scheduled_at, h.id
                       limit 1) x
                )::text as next_hearing,
                (select json_agg(x order by x.id)
                 from (select hh.id, hh.hearing_id, hh.action, hh.scheduled_at, hh.previous_at, hh.outcome,
                              hh.changed_at, hh.source_filing_id
                       from hearing_history hh
                       where hh.hearing_id = (
                           select h.id
                           from hearings h
                           where h.case_id = :id and h.status in ('scheduled', 'rescheduled')
                             and h.scheduled_at >= :now
                           order by h.scheduled_at, h.id
                           limit 1)) x
                )::text as next_hearing_history
            from cases c
            where c.id = :id
            """;

    /** {@link #WHOLE}'s row: the case, and JSON arrays of the rows that go with it. */
    record WholeCase(
            String id,
            String court,
            String docketNumber,
            String caption,
            LocalDate filedOn,
            String judge,
            String natureOfSuit,
            String status,
            LocalDate statusSince,
            Instant createdAt,
            Instant updatedAt,
            String parties,
            String counsel,
            String related,
            String claims,
            String claimHistory,
            String claimAgainst,
            String nextHearing,
            String nextHearingHistory) {
        public CaseSummary summary() {
            return new CaseSummary(
                    id,
                    court,
                    docketNumber,
                    caption,
                    filedOn,
                    judge,
                    natureOfSuit,
                    status,
                    statusSince,
                    createdAt,
                    updatedAt);
        }
    }

    /**
     * {@link #WHOLE}, run on the handle without attaching a DAO. Attaching one, even of a single method,
     * builds a proxy, a configuration and that method's binders and row mapper for the handle, each
     * request again: for {@code GET /cases/{id}} a larger share of the JVM's work than mapping the row.
     */
    static Optional<WholeCase> whole(Handle h, long id, Instant now) {
        return h.createQuery(WHOLE)
                .bind("id", id)
                .bind("now", now)
                .mapTo(WholeCase.class)
                .findOne();
    }

    String FIND = "select " + SUMMARY + " from cases c where c.id = :id";

    /**
     * {@link #find}, run on the handle without attaching a DAO (see {@link #whole}): the reads that
     * check that a case exists before their own statement (its filings, hearings, parties) run it on
     * every request.
     */
    static Optional<CaseSummary> lookup(Handle h, long id) {
        return h.createQuery(FIND).bind("id", id).mapTo(CaseSummary.class).findOne();
    }

    @SqlQuery("""
            insert into cases (court_id, docket_number, caption, filed_on, judge, nature_of_suit, status, status_since)
            values (:court, :docket, :caption, :filedOn, :judge, :nos, :status, :filedOn)
            returning id
            """)
    long insert(
            @Bind("court") String court,
            @Bind("docket") String docketNumber,
            @Bind("caption") String caption,
            @Bind("filedOn") LocalDate filedOn,
            @Bind("judge") String judge,
            @Bind("nos") String natureOfSuit,
            @Bind("status") String status);

    @SqlQuery(FIND)
    Optional<CaseSummary> find(@Bind("id") long id);

    @SqlQuery("select created_at from cases where id = :id")
    Optional<Instant> createdAt(@Bind("id") long id);

    @SqlQuery("""
            select c.id, c.court_id, c.docket_number, c.caption, c.status, ct.timezone
            from cases c
            join courts ct on ct.id = c.court_id
            where c.id = :id
            """)
    Optional<CaseRef> ref(@Bind("id") long id);

    /** Locks the case row for the rest of the transaction: status changes on one case are serialised. */
    @SqlQuery("""
            select c.id, c.court_id, c.docket_number, c.caption, c.status, ct.timezone
            from cases c
            join courts ct on ct.id = c.court_id
            where c.id = :id
            for update of c
            """)
    Optional<CaseRef> lock(@Bind("id") long id);

    @SqlUpdate("""
            update cases
            set caption = :caption, judge = :judge, nature_of_suit = :nos, updated_at = :now
            where id = :id
            """)
    void update(
            @Bind("id") long id,
            @Bind("caption") String caption,
            @Bind("judge") String judge,
            @Bind("nos") String natureOfSuit,
            @Bind("now") Instant now);

    @SqlUpdate("update cases set status = :status, status_since = :since, updated_at = :now where id = :id")
    void updateStatus(
            @Bind("id") long id,
            @Bind("status") String status,
            @Bind("since") LocalDate since,
            @Bind("now") Instant now);

    /** Marks activity on the case (a filing, a claim change, a hearing) for {@code updated_since}. */
    @SqlUpdate("update cases set updated_at = greatest(updated_at, :now) where id = :id")
    void touch(@Bind("id") long id, @Bind("now") Instant now);

    @SqlUpdate("""
            insert into case_relations (case_id, related_case_id, relation)
            values (:id, :related, :relation)
            on conflict do nothing
            """)
    int relate(@Bind("id") long id, @Bind("related") long related, @Bind("relation") String relation);

    /** Both directions: links this case made, and links others made to it (shown with the inverse relation). */
    @SqlQuery("""
            select r.related_case_id::text as case_id, r.relation, o.court_id as court, o.docket_number, o.caption
            from case_relations r
            join cases o on o.id = r.related_case_id
            where r.case_id = :id
            union all
            select r.case_id::text, '~' || r.relation, o.court_id, o.docket_number, o.caption
            from case_relations r
            join cases o on o.id = r.case_id
            where r.related_case_id = :id
            """)
    List<RelatedCaseView> related(@Bind("id") long id);

    /**
     * The most distinct party names a party filter looks its cases up by (V18: {@code party_names}). A
     * substring found in more names (a few letters common to thousands of surnames) is left to the planner
     * as a semi-join that tests each case's parties.
     */
    int PARTY_NAMES_READ = 1000;

    /** Three letters or digits in a row: a substring pg_trgm's index can look up. */
    java.util.regex.Pattern TRIGRAM = java.util.regex.Pattern.compile("[\\p{L}\\p{N}]{3}");

    /**
     * {@code GET /cases}: run on the handle without attaching a DAO (see {@link #whole}), as the other
     * busiest reads are.
     */
    static List<CaseSummary> list(Handle h, CaseQuery q, Long afterId, int limit) {
        String party = Filter.contains(q.party());
        long[] nameIds = party == null ? null : partyNames(h, q.party(), party);
        if (nameIds != null && nameIds.length == 0) {
            return List.of(); // no party anywhere has that name
        }
        Filter f = new Filter()
                .when(q.status(), "status", "c.status = :status")
                .when(q.court(), "court", "c.court_id = :court")
                // The cases as an array, not a semi-join: with "order by c.id limit", the planner walked
                // every party in case order testing its name (31,000 pages for a name on 239 parties),
                // or every case, to stop early. The names' parties are few (their index alone is read);
                // the cases are then read from their key in order, and the scan stops at the limit.
                .when(
                        nameIds,
                        "nameIds",
                        "c.id = any(array(select p.case_id from parties p where p.name_id = any(:nameIds)))")
                // Backslash is LIKE's default escape (Filter.contains escapes with it); an explicit
                // escape '\' clause would read to JDBI's lexer as a quoted string hiding the next bind.
                .when(nameIds == null ? party : null, "party", """
                        exists (select 1 from parties p
                                where p.case_id = c.id and lower(p.name) like :party)""")
                .when(Filter.contains(q.text()), "text", "lower(c.caption || ' ' || c.docket_number) like :text")
                .when(q.filedAfter(), "filedAfter", "c.filed_on > :filedAfter")
                .when(q.filedBefore(), "filedBefore", "c.filed_on < :filedBefore")
                .when(q.updatedSince(), "updatedSince", "c.updated_at >= :updatedSince")
                .when(afterId, "afterId", "c.id > :afterId")
                .bind("limit", limit);
        if (party != null || q.text() != null) {
            f.planPerValue();
        }
        return f.query(h, "select " + SUMMARY + " from cases c <where> order by c.id limit :limit")
                .mapTo(CaseSummary.class)
                .list();
    }

    /**
     * The distinct names (ids in {@code party_names}) a party filter matches, read through the names' trigram
     * index; null when the string has no trigram to look up or matches more than {@link #PARTY_NAMES_READ}
     * names, and the filter is left to the planner as a semi-join. {@code pattern} is the LIKE pattern of
     * {@code party}.
     *
     * <p>With the names' ids, the planner estimates their parties from the statistics of {@code name_id}
     * (equality, so it knows a common name from a rare one) and reads their cases from the index on
     * {@code (name_id, case_id)} without visiting the parties, then those cases by key in order. Matching the
     * substring against every party instead rechecked each matching party's row (one page each: 7-8 ms of PostgreSQL's CPU for a name on
     * 1,800 of 100,000 cases), and the planner's guess of a substring's share from a histogram of names could
     * be wrong by 15 times either way.
     */
    private static long[] partyNames(Handle h, String party, String pattern) {
        if (!TRIGRAM.matcher(party).find()) {
            return null; // pg_trgm needs three letters or digits in a row: the index would be read whole
        }
        long[] ids = new Filter()
                        .when(pattern, "party", "n.name like :party")
                        .bind("cap", PARTY_NAMES_READ + 1)
                        .planPerValue()
                        .query(h, "select n.id from party_names n <where> limit :cap")
                        .mapTo(long.class)
                        .stream()
                        .mapToLong(Long::longValue)
                        .toArray();
        return ids.length > PARTY_NAMES_READ ? null : ids;
    }

    /** The filters of {@code GET /cases}; null means not filtered. */
    record CaseQuery(
            String status,
            String court,
            String party,
            String text,
            LocalDate filedAfter,
            LocalDate filedBefore,
            Instant updatedSince) {}
}
