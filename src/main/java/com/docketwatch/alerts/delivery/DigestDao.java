package com.docketwatch.alerts.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Daily and weekly digests: subscriptions whose local digest time has come, and the events held for them. */
interface DigestDao {
    /**
     * A digest to send: its channel, the local date of its digest time ({@code localDate}: today's once
     * the time has passed, else yesterday's, for a retry; a weekly digest's, the date of its last digest
     * day whose time has passed), its run of failures, and whether its key was revoked.
     */
    record DigestSubscription(
            long id,
            String channelType,
            String webhookUrl,
            byte[] secretEnc,
            String email,
            LocalDate localDate,
            int digestFailures,
            Instant digestFailingSince,
            boolean keyRevoked) {}

    /** Now in subscription {@code s}'s zone, as a local date and time. */
    String LOCAL = "(cast(:now as timestamptz) at time zone s.digest_zone)";

    /**
     * The date of weekly subscription {@code s}'s last digest time already passed: its digest day this
     * week, or last week's while this week's time is still ahead (SubscriptionService counts the one
     * before a new subscription as sent with the same rule).
     */
    String WEEK_SLOT = "(" + LOCAL + "::date - ((extract(isodow from " + LOCAL + ")::int - s.digest_day + 7) % 7)"
            + " - case when extract(isodow from " + LOCAL + ")::int = s.digest_day and " + LOCAL
            + "::time < s.digest_at then 7 else 0 end)";

    /**
     * Subscription {@code s}'s digest is due: a failed one at its retry time; otherwise a daily one once
     * its local digest time has passed and none was sent for today, a weekly one once a digest time has
     * passed since the last one it sent (a digest day the service was down for is sent when it is back).
     */
    String DUE = """
            s.delivery in ('daily_digest', 'weekly_digest') and not s.paused
            and (s.digest_retry_at <= :now
                 or (s.digest_retry_at is null and s.delivery = 'daily_digest'
                     and (cast(:now as timestamptz) at time zone s.digest_zone)::time >= s.digest_at
                     and (s.last_digest_on is null
                          or s.last_digest_on < (cast(:now as timestamptz) at time zone s.digest_zone)::date))
                 or (s.digest_retry_at is null and s.delivery = 'weekly_digest'
                     and (s.last_digest_on is null or s.last_digest_on <
            """ + WEEK_SLOT + """
            )))
            """;

    /** Ids of digest subscriptions due now with events waiting (none of a disabled subscription). */
    @SqlQuery("select s.id from subscriptions s where " + DUE + """
            and s.disabled_at is null
            and exists (select 1 from deliveries d where d.subscription_id = s.id and d.status = 'digest')
            """)
    List<Long> due(@Bind("now") Instant now);

    /**
     * The advisory lock of one subscription's digest, session-level: held across the send without an
     * open transaction (which would hold back the change feed), released with the connection if the
     * process dies. Its two 32-bit keys are the namespace and the id's low half; an id's high half (from
     * 2^32 on) is folded into the namespace, so that every bigint id has its own lock.
     */
    String LOCK_KEYS = "hashtext('docketwatch.digest') # cast(:id >> 32 as int), cast(cast(:id as bit(32)) as int)";

    @SqlQuery("select pg_try_advisory_lock(" + LOCK_KEYS + ")")
    boolean tryLock(@Bind("id") long id);

    @SqlQuery("select pg_advisory_unlock(" + LOCK_KEYS + ")")
    boolean unlock(@Bind("id") long id);

    /** The subscription, if its digest is still due (not sent meanwhile by another instance). */
    @SqlQuery("""
            select s.id, s.channel_type, s.webhook_url, s.secret_enc, s.email,
                   case when s.delivery = 'weekly_digest' then
            """ + WEEK_SLOT + """
                   else (cast(:now as timestamptz) at time zone s.digest_zone)::date
                       - case when (cast(:now as timestamptz) at time zone s.digest_zone)::time >= s.digest_at
                              then 0 else 1 end end as local_date,
                   s.digest_failures, s.digest_failing_since,
                   exists (select 1 from api_keys k where k.id = s.owner_key_id and k.revoked_at is not null)
                       as key_revoked
            from subscriptions s
            where s.id = :id and s.disabled_at is null and
            """ + DUE)
    Optional<DigestSubscription> stillDue(@Bind("id") long id, @Bind("now") Instant now);

    @SqlQuery("""
            select d.id, d.event_id, d.subscription_id, d.attempts, d.created_at, e.type, e.occurred_at,
                   e.data::text as data, e.case_id, c.caption, c.docket_number, c.court_id, s.channel_type,
                   s.webhook_url, s.secret_enc, s.email, co.timezone,
                   coalesce(d.requeued_at, d.created_at) as retry_since, d.requeued_attempts,
                   cast(null as text) as receiver
            from deliveries d
            join events e on e.id = d.event_id
            join cases c on c.id = e.case_id
            join courts co on co.id = c.court_id
            join subscriptions s on s.id = d.subscription_id
            where d.subscription_id = :id and d.status = 'digest'
            order by e.txid, e.id
            limit 1000
            """)
    List<DeliveryDao.Due> waiting(@Bind("id") long subscriptionId);

    /** The digest of {@code localDate} is over (sent, or given up): the next is the following day's. */
    @SqlUpdate("""
            update subscriptions
            set last_digest_on = :day, digest_failures = 0, digest_failing_since = null, digest_retry_at = null
            where id = :id
            """)
    void done(@Bind("id") long id, @Bind("day") LocalDate localDate);

    /** The digest failed again: tried next at {@code retryAt}. */
    @SqlUpdate("""
            update subscriptions
            set digest_failures = :failures, digest_failing_since = :since, digest_retry_at = :retryAt
            where id = :id
            """)
    void failed(
            @Bind("id") long id,
            @Bind("failures") int failures,
            @Bind("since") Instant failingSince,
            @Bind("retryAt") Instant retryAt);

    /** Ends every delivery held for the digest as failed, unsent, with {@code error}; returns how many. */
    @SqlUpdate("""
            update deliveries
            set status = 'failed', last_error = :error
            where subscription_id = :id and status = 'digest'
            """)
    int abandon(@Bind("id") long id, @Bind("error") String error);
}
