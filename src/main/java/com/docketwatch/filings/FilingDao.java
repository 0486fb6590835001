package com.docketwatch.filings;

import com.docketwatch.platform.Text;
import com.docketwatch.platform.db.Filter;
import com.docketwatch.platform.request.Id;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Docket entries and the full-text search over them. */
public interface FilingDao extends SqlObject {
    /** A filing's columns, as {@link FilingView} names them ({@code f} is the filing). */
    String VIEW = """
            f.id::text as id, f.case_id::text as case_id, f.entry_number, f.filed_on, f.kind, f.title,
            f.description, f.filed_by::text as filed_by, f.document_url, f.created_at
            """;

    String UNIQUE_ENTRY = "filings_case_entry_unique";

    /** A search hit with its rank, the first key of the search order. */
    record Ranked(
            float rank,
            String id,
            String caseId,
            Integer entryNumber,
            LocalDate filedOn,
            String kind,
            String title,
            String description,
            String filedBy,
            String documentUrl,
            java.time.Instant createdAt) {
        public FilingView view() {
            return new FilingView(
                    id, caseId, entryNumber, filedOn, kind, title, description, filedBy, documentUrl, createdAt);
        }
    }

    @SqlQuery("""
            insert into filings as f (case_id, entry_number, filed_on, kind, title, description, filed_by, document_url)
            values (:caseId, :entry, :filedOn, :kind, :title, :description, :filedBy, :url)
            returning
            """ + VIEW)
    FilingView insert(
            @Bind("caseId") long caseId,
            @Bind("entry") Integer entryNumber,
            @Bind("filedOn") LocalDate filedOn,
            @Bind("kind") String kind,
            @Bind("title") String title,
            @Bind("description") String description,
            @Bind("filedBy") Long filedBy,
            @Bind("url") String documentUrl);

    @SqlQuery("select exists (select 1 from filings where id = :id and case_id = :caseId)")
    boolean belongsTo(@Bind("id") long id, @Bind("caseId") long caseId);

    @SqlQuery("select " + VIEW + " from filings f where f.id = :id")
    Optional<FilingView> find(@Bind("id") long id);

    /** Filings in date order, newest first, after the (filed_on, id) keyset cursor. */
    default List<FilingView> list(FilingQuery q, LocalDate afterDate, Long afterId, int limit) {
        Filter f = filter(q)
                .when(
                        afterId != null,
                        "(f.filed_on, f.id) < (:afterDate, :afterId)",
                        "afterDate",
                        afterDate,
                        "afterId",
                        afterId)
                .bind("limit", limit);
        return f.query(getHandle(), "select " + VIEW + """
                from filings f
                <where>
                order by f.filed_on desc, f.id desc
                limit :limit
                """)
                .mapTo(FilingView.class)
                .list();
    }

    /** An entry matching a search, with its place in date order. */
    record Match(long id, LocalDate filedOn) {}

    /**
     * Matches among the newest {@code budget} entries the filters allow, newest first, at most
     * {@code window}: bounded work however common the words are, since the entries are read in date
     * order and the scan stops. With a floor ({@code floorOn}, {@code floorId}) it reads the entries at or
     * above it instead. Null budget or window: no bound.
     */
    default List<Match> recentMatches(
            FilingQuery q, String text, LocalDate floorOn, Long floorId, Integer budget, Integer window) {
        Filter f = filter(q)
                .when(
                        floorId != null,
                        "(f.filed_on, f.id) >= (:floorOn, :floorId)",
                        "floorOn",
                        floorOn,
                        "floorId",
                        floorId)
                .bind("text", text)
                .bind("budget", budget)
                .bind("window", window)
                .planPerValue();
        return f.query(getHandle(), """
                select m.id, m.filed_on
                from (select f.id, f.filed_on, f.search
                      from filings f
                      <where>
                      order by f.filed_on desc, f.id desc
                      limit :budget offset 0) m
                where m.search @@ websearch_to_tsquery('english', :text)
                order by m.filed_on desc, m.id desc
                limit :window
                """).mapTo(Match.class).list();
    }

    /**
     * The newest {@code window} matches (all, when null) through the full-text index: for words too rare
     * to be found among the newest entries; its cost grows with the number of matches.
     */
    default List<Match> indexedMatches(FilingQuery q, String text, LocalDate floorOn, Long floorId, Integer window) {
        Filter f = filter(q)
                .always("f.search @@ websearch_to_tsquery('english', :text)")
                .bind("text", text)
                .when(
                        floorId != null,
                        "(f.filed_on, f.id) >= (:floorOn, :floorId)",
                        "floorOn",
                        floorOn,
                        "floorId",
                        floorId)
                .bind("window", window)
                .planPerValue();
        return f.query(getHandle(), """
                select f.id, f.filed_on
                from filings f
                <where>
                order by f.filed_on desc, f.id desc
                limit :window
                """).mapTo(Match.class).list();
    }

    /** Ranks the given matches: websearch syntax, title weighing more than description, then newest id. */
    default List<Ranked> rank(long[] ids, String text, Float afterRank, Long afterId, int limit) {
        Filter f = new Filter()
                .always("f.id = any (:ids)")
                .bind("ids", ids)
                .bind("text", text)
                .when(
                        afterId != null,
                        "(ts_rank(f.search, websearch_to_tsquery('english', :text)), f.id) < (:afterRank, :afterId)",
                        "afterRank",
                        afterRank,
                        "afterId",
                        afterId)
                .bind("limit", limit);
        return f.query(getHandle(), """
                select ts_rank(f.search, websearch_to_tsquery('english', :text)) as rank,
                """ + VIEW + """
                from filings f
                <where>
                order by rank desc, f.id desc
                limit :limit
                """).mapTo(Ranked.class).list();
    }

    /** A filing as a feed entry needs it: with its case, its court's zone and who filed it. */
    record FeedRow(
            long id,
            long caseId,
            String caption,
            String docketNumber,
            String court,
            String timezone,
            Integer entryNumber,
            LocalDate filedOn,
            String kind,
            String title,
            String description,
            String filedBy,
            String documentUrl,
            java.time.Instant createdAt) {}

    /** The newest {@code limit} filings matching the filters (and {@code text}, when given), newest first. */
    default List<FeedRow> feed(FilingQuery q, String text, int limit) {
        Filter f = filter(q)
                .when(text, "text", "f.search @@ websearch_to_tsquery('english', :text)")
                .bind("limit", limit);
        return f.query(getHandle(), """
                select f.id, f.case_id, c.caption, c.docket_number, c.court_id as court, ct.timezone, f.entry_number,
                       f.filed_on, f.kind, f.title, f.description, p.name as filed_by, f.document_url, f.created_at
                from filings f
                join cases c on c.id = f.case_id
                join courts ct on ct.id = c.court_id
                left join parties p on p.id = f.filed_by
                <where>
                order by f.filed_on desc, f.id desc
                limit :limit
                """).mapTo(FeedRow.class).list();
    }

    private static Filter filter(FilingQuery q) {
        return new Filter()
                .when(q.caseId(), "caseId", "f.case_id = :caseId")
                .when(q.court(), "court", "f.case_id in (select id from cases where court_id = :court)")
                .when(q.kind(), "kind", "f.kind = :kind")
                .when(q.filedAfter(), "filedAfter", "f.filed_on > :filedAfter")
                .when(q.filedBefore(), "filedBefore", "f.filed_on < :filedBefore");
    }

    /** Filters shared by a case's filings and the cross-case search; null means not filtered. */
    record FilingQuery(Long caseId, String court, String kind, LocalDate filedAfter, LocalDate filedBefore) {
        /** The filters of {@code GET /filings} and {@code /filings.atom} as their parameters arrive. */
        public static FilingQuery of(
                Id caseId, String court, FilingKind kind, LocalDate filedAfter, LocalDate filedBefore) {
            return new FilingQuery(
                    Id.valueOf(caseId),
                    Text.blankToNull(court),
                    kind == null ? null : kind.wire(),
                    filedAfter,
                    filedBefore);
        }
    }
}
