package com.docketwatch.retention;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Removing history older than its retention period, one batch per statement. Each delete names its
 * conditions on the table it deletes from, so a row changed meanwhile (a delivery retried, a cancelled
 * reminder planned again) is checked again under its lock and kept.
 */
interface RetentionDao {
    /** One batch of deliveries in id order: how many were removed, and where the batch ended. */
    record Step(int removed, Long lastId, boolean reachedYoung) {}

    /**
     * The next {@code limit} deliveries after {@code afterId}, removing those delivered or failed before
     * {@code cutoff} (their attempts go with them). Ids follow creation, so once a batch reaches a
     * delivery created after the cutoff, no later one can be old enough. The delete reads the batch's
     * id range by index (a join with the batch may make the planner read the whole table).
     */
    @SqlQuery("""
            with batch as (
                select id, created_at from deliveries where id > :afterId order by id limit :limit
            ),
            gone as (
                delete from deliveries d
                where d.id > :afterId and d.id <= (select max(id) from batch) and d.status in ('delivered', 'failed')
                  and coalesce(d.delivered_at, d.next_attempt_at) < :cutoff and d.created_at < :cutoff
                returning d.id
            )
            select (select count(*) from gone) as removed, (select max(id) from batch) as last_id,
                   coalesce((select bool_or(created_at >= :cutoff) from batch), true) as reached_young
            """)
    Step deliveries(@Bind("afterId") long afterId, @Bind("cutoff") Instant cutoff, @Bind("limit") int limit);

    /** Where a batch of reminders ended, in (settled_at, id) order. */
    record ReminderStep(int removed, Instant lastSettledAt, Long lastId) {}

    /**
     * The next {@code limit} reminders settled (sent, cancelled, skipped, missed) before {@code cutoff},
     * after the position ({@code afterAt}, {@code afterId}), removing those whose hearing was also before
     * it: a reminder of a hearing still ahead stays, since its row is what keeps a rescheduled hearing
     * from sending it twice. Pending reminders are never read.
     */
    @SqlQuery("""
            with batch as (
                select r.id, r.settled_at, h.scheduled_at < :cutoff as hearing_over
                from reminders r
                join hearings h on h.id = r.hearing_id
                where r.status <> 'pending' and r.settled_at < :cutoff
                  and (r.settled_at, r.id) > (cast(:afterAt as timestamptz), :afterId)
                order by r.settled_at, r.id
                limit :limit
            ),
            gone as (
                delete from reminders r
                where r.id = any (array(select id from batch where hearing_over))
                  and r.status <> 'pending' and r.settled_at < :cutoff
                returning r.id
            ),
            last as (select settled_at, id from batch order by settled_at desc, id desc limit 1)
            select (select count(*) from gone) as removed, (select settled_at from last) as last_settled_at,
                   (select id from last) as last_id
            """)
    ReminderStep reminders(
            @Bind("afterAt") Instant afterAt,
            @Bind("afterId") long afterId,
            @Bind("cutoff") Instant cutoff,
            @Bind("limit") int limit);

    /** An event's place in the change feed, and whether it is older than the cutoff. */
    record Position(String txid, long id, boolean old) {}

    /** The change-feed horizon: the feed position of the last event removed, and the highest id removed. */
    record Horizon(String txid, long eventId, long maxEventId) {}

    @SqlQuery("select txid::text as txid, event_id, max_event_id from change_feed_horizon")
    Optional<Horizon> horizon();

    /**
     * The next {@code limit} events in change-feed order after the position, of transactions older than
     * any still running (as the feed reads them).
     */
    @SqlQuery("""
            select e.txid::text as txid, e.id, e.occurred_at < :cutoff as old
            from events e
            where (e.txid, e.id) > (cast(:txid as xid8), :id) and e.txid < pg_snapshot_xmin(pg_current_snapshot())
            order by e.txid, e.id
            limit :limit
            """)
    List<Position> eventsAfter(
            @Bind("txid") String txid, @Bind("id") long id, @Bind("cutoff") Instant cutoff, @Bind("limit") int limit);

    /**
     * Removes the events from after one feed position through another, whose ids lie from
     * {@code minId} to {@code maxId}, except those a delivery or a reminder still names (a paused
     * subscription's pending delivery keeps its event). The deliveries and reminders of those ids are
     * read once, by index, rather than joined (which the planner may do by reading the whole table).
     */
    @SqlUpdate("""
            delete from events e
            where (e.txid, e.id) > (cast(:fromTxid as xid8), :fromId)
              and (e.txid, e.id) <= (cast(:toTxid as xid8), :toId)
              and e.id not in (select d.event_id from deliveries d where d.event_id between :minId and :maxId)
              and e.id not in (select r.event_id from reminders r where r.event_id between :minId and :maxId)
            """)
    int removeEvents(
            @Bind("fromTxid") String fromTxid,
            @Bind("fromId") long fromId,
            @Bind("toTxid") String toTxid,
            @Bind("toId") long toId,
            @Bind("minId") long minId,
            @Bind("maxId") long maxId);

    /** Moves the horizon forward (never back) to the position of the last event removed. */
    @SqlUpdate("""
            insert into change_feed_horizon (txid, event_id, max_event_id, updated_at)
            values (cast(:txid as xid8), :id, :maxId, :now)
            on conflict (only_row) do update
            set txid = excluded.txid, event_id = excluded.event_id,
                max_event_id = greatest(change_feed_horizon.max_event_id, excluded.max_event_id),
                updated_at = excluded.updated_at
            where (change_feed_horizon.txid, change_feed_horizon.event_id) < (excluded.txid, excluded.event_id)
            """)
    void moveHorizon(
            @Bind("txid") String txid, @Bind("id") long id, @Bind("maxId") long maxId, @Bind("now") Instant now);
}
