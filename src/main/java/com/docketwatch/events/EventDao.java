package com.docketwatch.events;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The outbox and change feed: events are written in the transaction of the change they describe. */
interface EventDao {
    record EventRow(long id, String txid, String type, Instant occurredAt, long caseId, String data) {}

    @SqlQuery("""
            insert into events (type, case_id, occurred_at, data)
            values (:type, :caseId, :at, cast(:data as jsonb))
            returning id
            """)
    long insert(
            @Bind("type") String type,
            @Bind("caseId") long caseId,
            @Bind("at") Instant occurredAt,
            @Bind("data") String dataJson);

    /** Ids for {@code n} new events, taken from the identity sequence in one query. */
    @SqlQuery("select nextval(pg_get_serial_sequence('events', 'id')) from generate_series(1, :n)")
    long[] newIds(@Bind("n") int n);

    /** Many events of one type and case at once (a docket import), with ids from {@link #newIds}. */
    @org.jdbi.v3.sqlobject.statement.SqlBatch("""
            insert into events (id, type, case_id, occurred_at, data) overriding system value
            values (:id, :type, :caseId, :at, cast(:data as jsonb))
            """)
    @org.jdbi.v3.sqlobject.statement.BatchChunkSize(1000)
    void insertAll(
            @Bind("id") long[] ids,
            @Bind("type") String type,
            @Bind("caseId") long caseId,
            @Bind("at") Instant occurredAt,
            @Bind("data") List<String> dataJson);

    /**
     * Events after the position (txid, id), only of transactions older than any still running, so an
     * event that commits later can never land behind a reader's position. Ordered by {@code e.txid}, the
     * xid8 column, not the text alias (which sorts "10" before "9"). A reminder belongs to one
     * subscription (its owner sees it in the delivery log), so the global feed leaves reminders out.
     */
    @SqlQuery("""
            select e.id, e.txid::text as txid, e.type, e.occurred_at, e.case_id, e.data::text as data
            from events e
            where (e.txid, e.id) > (cast(:txid as xid8), :id) and e.txid < pg_snapshot_xmin(pg_current_snapshot())
              and e.type <> 'hearing.reminder'
            order by e.txid, e.id
            limit :limit
            """)
    List<EventRow> after(@Bind("txid") String txid, @Bind("id") long id, @Bind("limit") int limit);

    /**
     * Where the feed's history begins once retention has removed old events: the feed position of the
     * last event removed, and the highest id removed (empty while nothing was removed).
     */
    record Horizon(String txid, long eventId, long maxEventId) {}

    @SqlQuery("select txid::text as txid, event_id, max_event_id from change_feed_horizon")
    java.util.Optional<Horizon> horizon();

    /** The newest position of the feed a reader can see now, of any event type. */
    record Head(String txid, long id) {}

    @SqlQuery("""
            select e.txid::text as txid, e.id
            from events e
            where e.txid < pg_snapshot_xmin(pg_current_snapshot())
            order by e.txid desc, e.id desc
            limit 1
            """)
    java.util.Optional<Head> head();

    /** The feed position of an event, for {@code ?after=<event id>}. */
    @SqlQuery("select txid::text from events where id = :id")
    java.util.Optional<String> txidOf(@Bind("id") long id);
}
