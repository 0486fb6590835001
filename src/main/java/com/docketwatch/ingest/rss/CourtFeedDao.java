package com.docketwatch.ingest.rss;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Followed RSS feeds, their poll state, and claiming the due ones. */
interface CourtFeedDao {
    /** A followed feed's columns, as {@link CourtFeedView} names them. */
    String VIEW = """
            id::text as id, court_id as court, url, track_all, last_poll_at, last_success_at, last_status, last_error,
            last_new_filings, consecutive_failures, next_poll_at, created_at
            """;

    String UNIQUE_URL = "court_feeds_court_url_unique";

    /** A claimed feed with what a conditional GET needs. */
    record Due(
            long id,
            String courtId,
            String url,
            boolean trackAll,
            String etag,
            String lastModified,
            int consecutiveFailures) {}

    @SqlQuery("""
            insert into court_feeds (court_id, url, track_all, next_poll_at)
            values (:court, :url, :trackAll, :now)
            returning
            """ + VIEW)
    CourtFeedView insert(
            @Bind("court") String court,
            @Bind("url") String url,
            @Bind("trackAll") boolean trackAll,
            @Bind("now") Instant now);

    @SqlQuery("select " + VIEW
            + " from court_feeds where court_id = :court and id > :after order by court_feeds.id limit :limit")
    List<CourtFeedView> list(@Bind("court") String court, @Bind("after") long after, @Bind("limit") int limit);

    @SqlQuery("select " + VIEW + " from court_feeds where court_id = :court and id = :id")
    Optional<CourtFeedView> find(@Bind("court") String court, @Bind("id") long id);

    @SqlUpdate("delete from court_feeds where court_id = :court and id = :id")
    int delete(@Bind("court") String court, @Bind("id") long id);

    /**
     * Leases due feeds to this poller (rows picked with SKIP LOCKED, so two instances never poll one
     * feed at once); a poller that dies leaves its lease to expire.
     */
    @SqlQuery("""
            update court_feeds f
            set lease_until = :leaseUntil
            where f.id in (
                select id
                from court_feeds
                where next_poll_at <= :now and (lease_until is null or lease_until < :now)
                order by next_poll_at, id
                limit :limit
                for update skip locked)
            returning f.id, f.court_id, f.url, f.track_all, f.etag, f.last_modified, f.consecutive_failures
            """)
    List<Due> claimDue(@Bind("now") Instant now, @Bind("leaseUntil") Instant leaseUntil, @Bind("limit") int limit);

    /** Gives a claimed feed back without polling it (the service is stopping). */
    @SqlUpdate("update court_feeds set lease_until = null where id = :id")
    void release(@Bind("id") long id);

    @SqlUpdate("""
            update court_feeds
            set last_poll_at = :now, last_success_at = :now, last_status = :status, last_error = null,
                last_new_filings = :newFilings, consecutive_failures = 0, next_poll_at = :next, lease_until = null,
                etag = coalesce(:etag, etag), last_modified = coalesce(:lastModified, last_modified)
            where id = :id
            """)
    void succeeded(
            @Bind("id") long id,
            @Bind("now") Instant now,
            @Bind("status") int status,
            @Bind("newFilings") int newFilings,
            @Bind("next") Instant next,
            @Bind("etag") String etag,
            @Bind("lastModified") String lastModified);

    @SqlUpdate("""
            update court_feeds
            set last_poll_at = :now, last_status = :status, last_error = :error,
                consecutive_failures = consecutive_failures + 1, next_poll_at = :next, lease_until = null
            where id = :id
            """)
    void failed(
            @Bind("id") long id,
            @Bind("now") Instant now,
            @Bind("status") Integer status,
            @Bind("error") String error,
            @Bind("next") Instant next);
}
