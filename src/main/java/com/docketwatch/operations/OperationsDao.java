package com.docketwatch.operations;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.QueryTimeOut;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * What an on-call engineer reads of the domain, in one cheap statement per scrape (every count is
 * answered from a partial index: the outbox's due deliveries, the digests' waiting ones, the due
 * reminders) plus the court feeds, a table of one row per followed feed.
 */
interface OperationsDao {
    /** Database-wide figures at {@code now}; ages are 0 when nothing waits. */
    record Backlog(
            long pendingDeliveries,
            long retryingDeliveries,
            long dueDeliveries,
            double oldestDueDeliverySeconds,
            long digestDeliveries,
            long dueReminders,
            double oldestDueReminderSeconds,
            long overdueTriggers) {}

    @SqlQuery("""
            with outbox as (
                select d.status, d.next_attempt_at, s.paused or s.disabled_at is not null as paused
                from deliveries d
                join subscriptions s on s.id = d.subscription_id
                where d.status in ('pending', 'retrying')
            ), due_reminders as (
                select due_at from reminders where status = 'pending' and due_at <= :now
            )
            select
                (select count(*) from outbox where status = 'pending') as pending_deliveries,
                (select count(*) from outbox where status = 'retrying') as retrying_deliveries,
                (select count(*) from outbox where next_attempt_at <= :now and not paused) as due_deliveries,
                (select coalesce(extract(epoch from (:now - min(next_attempt_at))), 0)
                   from outbox where next_attempt_at <= :now and not paused)::float8 as oldest_due_delivery_seconds,
                (select count(*) from deliveries where status = 'digest') as digest_deliveries,
                (select count(*) from due_reminders) as due_reminders,
                (select coalesce(extract(epoch from (:now - min(due_at))), 0) from due_reminders)::float8
                    as oldest_due_reminder_seconds,
                (select count(*) from qrtz_triggers
                   where sched_name = :scheduler and trigger_state = 'WAITING'
                     and next_fire_time < :misfiredBefore) as overdue_triggers
            """)
    Backlog backlog(
            @Bind("now") Instant now, @Bind("scheduler") String scheduler, @Bind("misfiredBefore") long misfiredBefore);

    /** One followed court feed: when it was last polled and whether that poll failed. */
    record Feed(long id, Instant lastPollAt, boolean failing, int consecutiveFailures, Instant nextPollAt) {}

    @SqlQuery("""
            select id, last_poll_at, last_error is not null as failing, consecutive_failures, next_poll_at
            from court_feeds
            """)
    List<Feed> feeds();

    @SqlQuery("/* DocketWatch readiness */ select 1")
    @QueryTimeOut(2)
    int ping();
}
