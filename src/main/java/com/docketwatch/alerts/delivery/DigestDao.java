package com.docketwatch.alerts.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Daily digests: subscriptions whose local digest time has come, and the events held for them. */
interface DigestDao {
    record DigestSubscription(
            long id, String channelType, String webhookUrl, byte[] secretEnc, String email, LocalDate localDate) {}

    /** Ids of digest subscriptions due now (their local time passed digest_at, none sent today) with events waiting. */
    @SqlQuery("""
            select s.id
            from subscriptions s
            where s.delivery = 'daily_digest' and not s.paused
              and (cast(:now as timestamptz) at time zone s.digest_zone)::time >= s.digest_at
              and (s.last_digest_on is null
                   or s.last_digest_on < (cast(:now as timestamptz) at time zone s.digest_zone)::date)
              and exists (select 1 from deliveries d where d.subscription_id = s.id and d.status = 'digest')
            """)
    List<Long> due(@Bind("now") Instant now);

    /**
     * A session-level advisory lock on one subscription's digest: held across the send without an open
     * transaction (which would hold back the change feed), released with the connection if the process dies.
     */
    @SqlQuery("select pg_try_advisory_lock(hashtext('docketwatch.digest'), cast(:id as int))")
    boolean tryLock(@Bind("id") long id);

    @SqlQuery("select pg_advisory_unlock(hashtext('docketwatch.digest'), cast(:id as int))")
    boolean unlock(@Bind("id") long id);

    /** The subscription, if its digest is still due (not sent meanwhile by another instance). */
    @SqlQuery("""
            select s.id, s.channel_type, s.webhook_url, s.secret_enc, s.email,
                   (cast(:now as timestamptz) at time zone s.digest_zone)::date as local_date
            from subscriptions s
            where s.id = :id and s.delivery = 'daily_digest'
              and (s.last_digest_on is null
                   or s.last_digest_on < (cast(:now as timestamptz) at time zone s.digest_zone)::date)
            """)
    Optional<DigestSubscription> stillDue(@Bind("id") long id, @Bind("now") Instant now);

    @SqlQuery("""
            select d.id, d.event_id, d.subscription_id, d.attempts, d.created_at, e.type, e.occurred_at,
                   e.data::text as data, e.case_id, c.caption, c.docket_number, c.court_id, s.channel_type,
                   s.webhook_url, s.secret_enc, s.email
            from deliveries d
            join events e on e.id = d.event_id
            join cases c on c.id = e.case_id
            join subscriptions s on s.id = d.subscription_id
            where d.subscription_id = :id and d.status = 'digest'
            order by e.txid, e.id
            limit 1000
            """)
    List<DeliveryDao.Due> waiting(@Bind("id") long subscriptionId);

    @SqlUpdate("update subscriptions set last_digest_on = :day where id = :id")
    void sent(@Bind("id") long id, @Bind("day") LocalDate localDate);
}
