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

    /**
     * Adds an entry: its key (which takes the id and holds the unique entry number per case) and its row,
     * in one statement.
     */
    @SqlQuery("""
            with k as (
                insert into filing_keys (case_id, entry_number, filed_on, kind)
                values (:caseId, :entry, :filedOn, :kind)
                returning id)
            insert into filings as f (id, case_id, entry_number, filed_on, kind, title, description, filed_by,
                document_url)
            select k.id, :caseId, :entry, :filedOn, :kind, :title, :description, :filedBy, :url from k
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

    @SqlQuery("select exists (select 1 from filing_keys where id = :id and case_id = :caseId)")
    boolean belongsTo(@Bind("id") long id, @Bind("caseId") long caseId);

    /** A filing by id: its date from its key, then its row from that date's partition. */
    default Optional<FilingView> find(long id) {
        Optional<LocalDate> filedOn = getHandle()
                .createQuery("select filed_on from filing_keys where id = :id")
                .bind("id", id)
                .mapTo(LocalDate.class)
                .findOne();
        if (filedOn.isEmpty()) {
            return Optional.empty();
        }
        return new Filter()
                .bind("id", id)
                .bind("filedOn", filedOn.get())
                .planPerValue()
                .query(getHandle(), "select " + VIEW + " from filings f where f.id = :id and f.filed_on = :filedOn")
                .mapTo(FilingView.class)
                .findOne();
    }

    /** Whether the case has at most {@code n} entries (counted from its keys, stopping after n + 1). */
    @SqlQuery("select count(*) <= :n from (select 1 from filing_keys where case_id = :caseId limit :n + 1) k")
    boolean caseHasAtMost(@Bind("caseId") long caseId, @Bind("n") int n);

    /** An entry matching a search, with its place in date order. */
    record Match(long id, LocalDate filedOn) {}

    /** A place in date order, (filed_on, id). */
    record Keyset(LocalDate on, long id) {
        /** Rows of {@code alias} that are {@code op} the place bound as {@code name} ({@link #values}). */
        static String condition(String alias, String op, String name) {
            return "(%1$s.filed_on, %1$s.id) %2$s (:%3$sOn, :%3$sId)".formatted(alias, op, name);
        }

        /** The bindings of {@link #condition} for {@code at} (nulls when there is no place). */
        static Object[] values(String name, Keyset at) {
            return new Object[] {name + "On", at == null ? null : at.on(), name + "Id", at == null ? null : at.id()};
        }
    }

    /**
     * A case's entries in date order, newest first, below {@code before}, from its keys alone (one index, not
     * one per partition).
     */
    default List<Match> caseKeys(FilingQuery q, Keyset before, int limit) {
        Filter f = new Filter()
                .always("k.case_id = :caseId")
                .bind("caseId", q.caseId())
                .when(q.court(), "court", "k.case_id in (select id from cases where court_id = :court)")
                .when(q.kind(), "kind", "k.kind = :kind")
                .when(q.filedAfter(), "filedAfter", "k.filed_on > :filedAfter")
                .when(q.filedBefore(), "filedBefore", "k.filed_on < :filedBefore")
                .when(before != null, Keyset.condition("k", "<", "before"), Keyset.values("before", before))
                .bind("limit", limit);
        return f.query(getHandle(), """
                select k.id, k.filed_on
                from filing_keys k
                <where>
                order by k.filed_on desc, k.id desc
                limit :limit
                """).mapTo(Match.class).list();
    }

    /**
     * The newest entries of one range of dates ({@code range}, which the partitions it covers are planned
     * for) that match the filters and {@code text} (when given), below {@code before} and at or above {@code
     * floor} (when given), newest first, at most {@code limit} (all, when null). Only the partitions of
     * the range are planned and read.
     */
    default List<Match> newest(
            FilingQuery q, String text, DateRange range, Keyset before, Keyset floor, Integer limit) {
        Filter f = filter(q)
                .when(text, "text", "f.search @@ websearch_to_tsquery('english', :text)")
                .when(range.from(), "rangeFrom", "f.filed_on >= :rangeFrom")
                .when(range.to(), "rangeTo", "f.filed_on < :rangeTo")
                .when(before != null, Keyset.condition("f", "<", "before"), Keyset.values("before", before))
                .when(floor != null, Keyset.condition("f", ">=", "floor"), Keyset.values("floor", floor))
                .bind("limit", limit)
                .planPerValue();
        // With text, every match of the range is found first (the full-text index, for words this rare): asked
        // for the newest few, PostgreSQL would read each partition in date order, trusting an estimate of how
        // common the words are that is far too high for words it has no statistics of.
        return f.query(getHandle(), text == null ? """
                select f.id, f.filed_on
                from filings f
                <where>
                order by f.filed_on desc, f.id desc
                limit :limit
                """ : """
                with m as materialized (select f.id, f.filed_on from filings f <where>)
                select m.id, m.filed_on
                from m
                order by m.filed_on desc, m.id desc
                limit :limit
                """).mapTo(Match.class).list();
    }

    /**
     * {@link #newest} with text over a range of partition bounds, for a search with no dates of its own: the
     * bounds are written into the statement as constants, so each range is a statement of its own, and the
     * filters and text are bound. Run within {@link #plannedOnce}, each is planned once per connection for any
     * text (a generic plan) and prepared on the server at its first use. A custom plan, made for every text,
     * costs 70-150 µs a partition, most of a rare word's search over all of them (docs/partitions.md); the
     * generic plan only lacks the words' share, and the ranges already read every match through the index.
     */
    default List<Match> newestOfRange(FilingQuery q, String text, DateRange bounds, int limit) {
        if (q.filedAfter() != null || q.filedBefore() != null) {
            throw new IllegalArgumentException("dates of a search's own are bound, not written in");
        }
        // The kind is tested on the matches, not through its index: a generic plan would AND the word's index
        // with the kind's, reading every entry of the kind (a third of them are orders) to keep a few matches.
        Filter f = filter(new FilingQuery(q.caseId(), q.court(), null, null, null))
                .bind("text", text)
                .bind("limit", limit);
        if (q.kind() != null) {
            f.bind("kind", q.kind());
        }
        f.always("f.search @@ websearch_to_tsquery('english', :text)");
        if (bounds.from() != null) {
            f.always("f.filed_on >= date '" + bounds.from() + "'");
        }
        if (bounds.to() != null) {
            f.always("f.filed_on < date '" + bounds.to() + "'");
        }
        return f.prepareAtOnce()
                .query(getHandle(), """
                        with m as materialized (select f.id, f.filed_on, f.kind from filings f <where>)
                        select m.id, m.filed_on
                        from m
                        <kind>
                        order by m.filed_on desc, m.id desc
                        limit :limit
                        """)
                .define("kind", q.kind() == null ? "" : "where m.kind = :kind")
                .mapTo(Match.class)
                .list();
    }

    /**
     * Runs {@code reads} with PostgreSQL's generic plans forced ({@code plan_cache_mode}), then restores the
     * connection's default: for statements whose values never change their best plan ({@link #newestOfRange}).
     */
    default <T> T plannedOnce(java.util.function.Supplier<T> reads) {
        getHandle().execute("set plan_cache_mode = force_generic_plan");
        try {
            return reads.get();
        } finally {
            getHandle().execute("reset plan_cache_mode");
        }
    }

    /**
     * Matches among the newest {@code budget} entries from {@code since} on (all dates, when null) that the
     * filters allow, newest first, at most {@code window}: bounded work however common the words are, since
     * the entries are read in date order and the scan stops. With a floor it reads the entries at or above
     * it instead. Null budget or window: no bound. Every filter narrows the read itself: case, court, kind
     * and dates each have an index in date order.
     */
    default List<Match> recentMatches(
            FilingQuery q, String text, LocalDate since, Keyset floor, Integer budget, Integer window) {
        return recentMatches(getHandle(), q, text, since, floor, budget, window, false);
    }

    /**
     * {@link #recentMatches} over a case's whole docket (a case is named; no dates of the search's own), for
     * {@link #plannedOnce}: the statement reads the case's entries through its index in date order whatever
     * the text, so it is planned once per connection instead of over every partition for each text (4-5 ms of
     * planning on the benchmark's 65 partitions, against a few hundred µs of reading for most dockets).
     */
    default List<Match> docketMatches(FilingQuery q, String text, int budget, int window) {
        if (q.caseId() == null || q.filedAfter() != null || q.filedBefore() != null) {
            throw new IllegalArgumentException("a case's whole docket: a case and no dates");
        }
        return recentMatches(getHandle(), q, text, null, null, budget, window, true);
    }

    private static List<Match> recentMatches(
            org.jdbi.v3.core.Handle h,
            FilingQuery q,
            String text,
            LocalDate since,
            Keyset floor,
            Integer budget,
            Integer window,
            boolean plannedOnce) {
        Filter f = filter(q)
                .when(since, "since", "f.filed_on >= :since")
                .when(floor != null, Keyset.condition("f", ">=", "floor"), Keyset.values("floor", floor))
                .bind("text", text)
                .bind("budget", budget)
                .bind("window", window);
        if (plannedOnce) {
            f.prepareAtOnce();
        } else {
            f.planPerValue();
        }
        // Its own text when planned once: pgJDBC keeps one server-side statement per text, and would run the
        // prepared one, with its plan, for the same text asked to be planned per value.
        return f.query(h, (plannedOnce ? "/* planned once */ " : "") + """
                select m.id, m.filed_on
                from (select f.id, f.filed_on, f.search
                      from filings f
                      <where>
                      order by f.filed_on desc, f.id desc
                      limit :budget offset 0) m
                where m.search @@ websearch_to_tsquery('english', :text)
                order by m.filed_on desc, m.id desc
                limit :window
                """)
                .mapTo(Match.class)
                .list();
    }

    /**
     * The rows of the given entries, each read from its date's partition ({@code k} is the entry's key,
     * {@code f} its row). Prepared as any statement: PostgreSQL settles on a generic plan, planned once per
     * connection, where planning for a page's dates costs more than reading its rows. That plan holds every
     * partition; the page's range of dates ({@code lo} to {@code hi}) lets PostgreSQL drop the partitions
     * outside it as the statement starts (not after opening each one and its index), and each row's date
     * picks its partition as it runs. The {@code limit 1} (an id and date name one row) keeps the lateral
     * join a loop over the keys: as a join, PostgreSQL may prefer hashing every partition it reads in full.
     */
    private static Filter byKeys(List<Match> keys) {
        LocalDate lo = keys.get(0).filedOn();
        LocalDate hi = lo;
        for (Match k : keys) {
            lo = k.filedOn().isBefore(lo) ? k.filedOn() : lo;
            hi = k.filedOn().isAfter(hi) ? k.filedOn() : hi;
        }
        return new Filter()
                .bind("ids", keys.stream().mapToLong(Match::id).toArray())
                .bind("dates", keys.stream().map(k -> k.filedOn().toString()).toArray(String[]::new))
                .bind("lo", lo)
                .bind("hi", hi);
    }

    /** The rows of {@code keys}, in date order, newest first. */
    default List<FilingView> rows(List<Match> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return byKeys(keys)
                .query(getHandle(), "select " + VIEW + KEYED_ROWS + """
                order by f.filed_on desc, f.id desc
                """)
                .mapTo(FilingView.class)
                .list();
    }

    /** The FROM clause of {@link #byKeys}. */
    String KEYED_ROWS = """
            from unnest(cast(:ids as bigint[]), cast(:dates as date[])) as k(id, filed_on)
            join lateral (select * from filings f
                          where f.id = k.id and f.filed_on = k.filed_on and f.filed_on between :lo and :hi
                          limit 1) f on true
            """;

    /**
     * Ranks the given matches: websearch syntax, title weighing more than description, then newest id.
     */
    default List<Ranked> rank(List<Match> matches, String text, Float afterRank, Long afterId, int limit) {
        if (matches.isEmpty()) {
            return List.of();
        }
        Filter f = byKeys(matches)
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
                """ + VIEW + KEYED_ROWS + """
                <where>
                order by rank desc, f.id desc
                limit :limit
                """)
                .mapTo(Ranked.class)
                .list();
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

    /** The feed entries of {@code keys}, in date order, newest first. */
    default List<FeedRow> feed(List<Match> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return byKeys(keys)
                .query(getHandle(), """
                select f.id, f.case_id, c.caption, c.docket_number, c.court_id as court, ct.timezone, f.entry_number,
                       f.filed_on, f.kind, f.title, f.description, p.name as filed_by, f.document_url, f.created_at
                """ + KEYED_ROWS + """
                join cases c on c.id = f.case_id
                join courts ct on ct.id = c.court_id
                left join parties p on p.id = f.filed_by
                order by f.filed_on desc, f.id desc
                """)
                .mapTo(FeedRow.class)
                .list();
    }

    private static Filter filter(FilingQuery q) {
        return new Filter()
                .when(q.caseId(), "caseId", "f.case_id = :caseId")
                .when(q.court(), "court", "f.court_id = :court")
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
