package com.docketwatch.alerts.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Deliveries: matching events to subscriptions, claiming due ones, recording attempts. */
public interface DeliveryDao {
    /** A claimed delivery with everything needed to send it. */
    record Due(
            long id,
            long eventId,
            long subscriptionId,
            int attempts,
            Instant createdAt,
            String type,
            Instant occurredAt,
            String data,
            long caseId,
            String caption,
            String docketNumber,
            String courtId,
            String channelType,
            String webhookUrl,
            byte[] secretEnc,
            String email) {}

    /** The result of one attempt, to record. */
    record Attempt(
            long deliveryId,
            String status,
            int attempts,
            String lastError,
            Instant nextAttemptAt,
            Instant deliveredAt,
            Instant attemptedAt,
            Integer statusCode,
            long durationMs) {}

    record LogRow(
            long id,
            long eventId,
            String eventType,
            String status,
            int attempts,
            String lastError,
            Instant nextAttemptAt,
            Instant deliveredAt,
            Instant createdAt) {}

    /**
     * The subscription {@code s}'s owner key is not revoked: a revoked key's subscriptions get no new
     * deliveries (and {@link #claimDue} fails the ones already waiting).
     */
    String KEY_LIVE = """
            not exists (select 1 from api_keys k where k.id = s.owner_key_id and k.revoked_at is not null)
            """;

    /** A new delivery's status and due time: digest subscribers' rows (daily or weekly) wait for their digest. */
    String STATUS = """
            case when s.delivery in ('daily_digest', 'weekly_digest') then 'digest' else 'pending' end,
            cast(:now as timestamptz)
            """;

    /**
     * The cases linked to case {@code :caseId}, in either direction: an {@code include_related}
     * subscription to one of them follows this case too. Not correlated with the subscription, so
     * PostgreSQL reads it once per statement (two index lookups in {@code case_relations}).
     */
    String RELATED_CASES = """
            (select r.related_case_id from case_relations r where r.case_id = :caseId
             union all
             select r.case_id from case_relations r where r.related_case_id = :caseId)
            """;

    /**
     * The subscription wants this event: not paused, the event type, the filing kind when it names
     * kinds, and its key not revoked. Repeated in each branch of the fan-out so each reads only its own
     * index's rows (a filter after the union makes the planner re-join every subscription).
     */
    String WANTS = """
            and not s.paused and :type = any (s.events)
            and (s.filing_kinds is null or cast(:kind as text) is null or :kind = any (s.filing_kinds))
            and
            """ + KEY_LIVE;

    /**
     * A party-name subscription's string appears in a party of the case. The case's party names are
     * lower-cased once and joined by a character no name contains: one {@code strpos} per subscription
     * instead of lower-casing every name for each of them.
     */
    String NAMES_A_PARTY = """
            and strpos((select string_agg(lower(p.name), chr(1)) from parties p where p.case_id = :caseId), s.party) > 0
            """;

    /**
     * One delivery row per matching subscription, in one statement: the case's own subscribers, those
     * following a case linked to it with {@code include_related}, its court's, party-name subscribers
     * whose string appears in a party of the case, and full-text subscribers whose query matches the
     * filing. Each branch names the predicate of its subscriptions'
     * partial index ({@code query is not null}, not {@code query_tsq}, or PostgreSQL reads every
     * subscription). Paused subscriptions, other event types and other filing kinds are left out;
     * daily-digest subscribers' rows wait for their digest.
     */
    @SqlUpdate("""
            insert into deliveries (event_id, subscription_id, status, next_attempt_at)
            select cast(:eventId as bigint), s.id,
            """ + STATUS + """
            from subscriptions s
            where s.case_id = :caseId
            """ + WANTS + """
            union all
            select :eventId, s.id,
            """ + STATUS + """
            from subscriptions s
            where s.include_related and s.case_id in
            """ + RELATED_CASES + WANTS + """
            union all
            select :eventId, s.id,
            """ + STATUS + """
            from subscriptions s
            where s.court_id = (select court_id from cases where id = :caseId)
            """ + WANTS
            + """
            union all
            select :eventId, s.id,
            """ + STATUS + """
            from subscriptions s
            where s.party is not null
            """ + WANTS + NAMES_A_PARTY
            + """
            union all
            select :eventId, s.id,
            """ + STATUS + """
            from subscriptions s
            join filings f on f.id = :filingId
            where s.query is not null
            """ + WANTS + """
            and f.search @@ s.query_tsq
            on conflict do nothing
            """)
    int fanOut(
            @Bind("eventId") long eventId,
            @Bind("type") String type,
            @Bind("caseId") long caseId,
            @Bind("filingId") Long filingId,
            @Bind("kind") String filingKind,
            @Bind("now") Instant now);

    /**
     * {@link #fanOut} for many filing events of one type and case in one statement (a docket import's
     * filing.created or filing.updated): the same matching rules, over the arrays of event ids, filing
     * ids and kinds. {@code m} is every subscription that may match, {@code by_query} when only the
     * filing's text can tell.
     */
    @SqlUpdate("""
            insert into deliveries (event_id, subscription_id, status, next_attempt_at)
            select e.event_id, s.id,
            """ + STATUS + """
            from unnest(:eventIds, :filingIds, :kinds) as e(event_id, filing_id, kind)
            join (
                select id, false as by_query from subscriptions where case_id = :caseId
                union all
                select id, false from subscriptions where include_related and case_id in
            """ + RELATED_CASES + """
                union all
                select id, false from subscriptions where court_id = (select court_id from cases where id = :caseId)
                union all
                select s.id, false from subscriptions s
                where s.party is not null
            """ + NAMES_A_PARTY + """
                union all
                select id, true from subscriptions where query is not null
            ) m on true
            join subscriptions s on s.id = m.id
            where not s.paused and :type = any (s.events) and
            """ + KEY_LIVE + """
              and (s.filing_kinds is null or e.kind = any (s.filing_kinds))
              and (not m.by_query
                   or exists (select 1 from filings f where f.id = e.filing_id and f.search @@ s.query_tsq))
            on conflict do nothing
            """)
    int fanOutFilings(
            @Bind("type") String type,
            @Bind("eventIds") long[] eventIds,
            @Bind("filingIds") long[] filingIds,
            @Bind("kinds") String[] kinds,
            @Bind("caseId") long caseId,
            @Bind("now") Instant now);

    /**
     * The case's {@code case.created} event, if it happened at or after {@code since}, delivered to the
     * party subscriptions whose string appears in one of {@code names} (parties just added to the case):
     * a subscription starts matching a new case when a matching party is added, and hears of the case
     * once (a subscription that has a delivery of the event already is left alone).
     */
    @SqlUpdate("""
            insert into deliveries (event_id, subscription_id, status, next_attempt_at)
            select e.id, s.id,
            """ + STATUS + """
            from events e
            join subscriptions s on s.party is not null
            where e.case_id = :caseId and e.type = 'case.created' and e.occurred_at >= :since
              and not s.paused and 'case.created' = any (s.events) and
            """ + KEY_LIVE + """
              and strpos((select string_agg(lower(n), chr(1)) from unnest(cast(:names as text[])) n), s.party) > 0
            on conflict do nothing
            """)
    int fanOutCaseCreated(
            @Bind("caseId") long caseId,
            @Bind("names") String[] names,
            @Bind("since") Instant since,
            @Bind("now") Instant now);

    /** Why a revoked key's waiting deliveries end as failed without being sent. */
    String KEY_REVOKED = "not sent: the API key that owns this subscription was revoked";

    /**
     * The due, unleased deliveries of unpaused subscriptions on one channel ({@code :email} true for
     * email, false for the others), oldest first, locked with {@code FOR UPDATE SKIP LOCKED} so that
     * concurrent workers and instances never pick the same row.
     */
    String DUE_ON_CHANNEL = """
            select d2.id
            from deliveries d2
            join subscriptions s2 on s2.id = d2.subscription_id
            where d2.status in ('pending', 'retrying') and d2.next_attempt_at <= :now
              and (d2.lease_until is null or d2.lease_until < :now) and not s2.paused
              and (s2.channel_type = 'email') = """;

    /**
     * Claims due deliveries until {@code leaseUntil}, in one statement: at most {@code limit} webhooks
     * and {@code emails} emails (as many as there are free email senders, so that none waits for one
     * while its lease runs). Each claimed row gets the round's {@code token}: only its holder may
     * record the outcome ({@link #record}). A worker that dies mid-send leaves its lease to expire; the
     * delivery is then claimed again, with a new token, and sent again.
     *
     * <p>A delivery whose subscription's key was revoked is not returned: the claim ends it as failed
     * ({@link #KEY_REVOKED}), unsent.
     */
    @SqlQuery("""
            with hooks as (
            """ + DUE_ON_CHANNEL + """
                false
                order by d2.next_attempt_at, d2.id
                limit :limit
                for update of d2 skip locked
            ),
            mails as (
            """ + DUE_ON_CHANNEL + """
                true
                order by d2.next_attempt_at, d2.id
                limit :emails
                for update of d2 skip locked
            ),
            claimed as (
                update deliveries d
                set lease_token = :token,
                    lease_until = case when k.revoked_at is null then cast(:leaseUntil as timestamptz) end,
                    status = case when k.revoked_at is null then d.status else 'failed' end,
                    last_error = case when k.revoked_at is null then d.last_error else :revoked end
                from subscriptions s
                join api_keys k on k.id = s.owner_key_id
                where s.id = d.subscription_id and d.id in (select id from hooks union all select id from mails)
                returning d.*, k.revoked_at is not null as key_revoked
            )
            select d.id, d.event_id, d.subscription_id, d.attempts, d.created_at, e.type, e.occurred_at,
                   e.data::text as data, e.case_id, c.caption, c.docket_number, c.court_id, s.channel_type,
                   s.webhook_url, s.secret_enc, s.email
            from claimed d
            join events e on e.id = d.event_id
            join cases c on c.id = e.case_id
            join subscriptions s on s.id = d.subscription_id
            where not d.key_revoked
            order by d.next_attempt_at, d.id
            """)
    List<Due> claimDue(
            @Bind("now") Instant now,
            @Bind("leaseUntil") Instant leaseUntil,
            @Bind("token") UUID token,
            @Bind("limit") int limit,
            @Bind("emails") int emails,
            @Bind("revoked") String revokedError);

    default List<Due> claimDue(Instant now, Instant leaseUntil, UUID token, int limit, int emails) {
        return claimDue(now, leaseUntil, token, limit, emails, KEY_REVOKED);
    }

    /**
     * Records a round of attempts by the holder of lease {@code token}: each delivery's new state and a
     * row of its attempt log, in one statement over arrays rather than one per delivery. A delivery
     * claimed again meanwhile (its lease ran out and another worker holds it under a new token) is left
     * to its new holder: this outcome is refused. Returns how many were recorded.
     */
    default int record(List<Attempt> attempts, UUID token) {
        return attempts.isEmpty() ? 0 : record(Columns.of(attempts), token, null);
    }

    /**
     * Records a digest's attempt on its held deliveries ({@code status = 'digest'}, not leased: a digest
     * is sent under its subscription's advisory lock). Rows no longer held are left alone.
     */
    default int recordDigest(List<Attempt> attempts) {
        return attempts.isEmpty() ? 0 : record(Columns.of(attempts), null, "digest");
    }

    /** A round of attempts as the arrays {@link #record(Columns, UUID, String)} unnests. */
    record Columns(
            long[] ids,
            String[] statuses,
            int[] counts,
            String[] errors,
            String[] nextAts,
            String[] deliveredAts,
            String[] attemptedAts,
            Integer[] codes,
            long[] durations) {
        static Columns of(List<Attempt> attempts) {
            int n = attempts.size();
            Columns c = new Columns(
                    new long[n],
                    new String[n],
                    new int[n],
                    new String[n],
                    new String[n],
                    new String[n],
                    new String[n],
                    new Integer[n],
                    new long[n]);
            for (int i = 0; i < n; i++) {
                Attempt a = attempts.get(i);
                c.ids[i] = a.deliveryId();
                c.statuses[i] = a.status();
                c.counts[i] = a.attempts();
                c.errors[i] = a.lastError();
                c.nextAts[i] =
                        a.nextAttemptAt() == null ? null : a.nextAttemptAt().toString();
                c.deliveredAts[i] =
                        a.deliveredAt() == null ? null : a.deliveredAt().toString();
                c.attemptedAts[i] = a.attemptedAt().toString();
                c.codes[i] = a.statusCode();
                c.durations[i] = a.durationMs();
            }
            return c;
        }
    }

    /**
     * {@link #record(List, UUID)} over its arrays, one element per attempt: {@code a} is the attempts as
     * rows, {@code u} updates the deliveries still held (by lease {@code token}, or in status
     * {@code held}), and the insert logs the attempts of those alone. Instants travel as ISO-8601 text
     * (null when absent), read back as {@code timestamptz[]}.
     */
    @SqlQuery("""
            with a as (
                select *
                from unnest(:c.ids, :c.statuses, :c.counts, :c.errors,
                            cast(:c.nextAts as timestamptz[]), cast(:c.deliveredAts as timestamptz[]),
                            cast(:c.attemptedAts as timestamptz[]), cast(:c.codes as integer[]), :c.durations)
                     as a(id, status, attempts, error, next_at, delivered_at, attempted_at, code, duration)
            ),
            u as (
                update deliveries d
                set status = a.status, attempts = a.attempts, last_error = a.error,
                    next_attempt_at = coalesce(a.next_at, d.next_attempt_at), delivered_at = a.delivered_at,
                    lease_until = null
                from a
                where d.id = a.id
                  and (d.lease_token = cast(:token as uuid) or d.status = cast(:held as text))
                returning d.id
            ),
            logged as (
                insert into delivery_attempts (delivery_id, attempted_at, status_code, error, duration_ms)
                select a.id, a.attempted_at, a.code, a.error, a.duration
                from a
                join u on u.id = a.id
            )
            select count(*) from u
            """)
    int record(@BindMethods("c") Columns columns, @Bind("token") UUID token, @Bind("held") String heldStatus);

    /**
     * How long the oldest due delivery has been waiting, in seconds (0 when none is due; paused ones wait
     * on purpose).
     */
    @SqlQuery("""
            select coalesce(extract(epoch from (:now - min(d.next_attempt_at))), 0)
            from deliveries d
            join subscriptions s on s.id = d.subscription_id
            where d.status in ('pending', 'retrying') and d.next_attempt_at <= :now
              and (d.lease_until is null or d.lease_until < :now) and not s.paused
            """)
    double backlogAgeSeconds(@Bind("now") Instant now);

    /**
     * The delivery log, newest first. {@code next_attempt_at} is shown while a delivery is waiting for
     * its next try: pending or retrying, or held for a digest that failed and backs off.
     */
    @SqlQuery("""
            select d.id, d.event_id, e.type as event_type, d.status, d.attempts, d.last_error,
                   case when d.status in ('pending', 'retrying') or (d.status = 'digest' and d.attempts > 0)
                        then d.next_attempt_at end as next_attempt_at,
                   d.delivered_at, d.created_at
            from deliveries d
            join events e on e.id = d.event_id
            where d.subscription_id = :subscriptionId and d.id < :before
            order by d.id desc
            limit :limit
            """)
    List<LogRow> log(
            @Bind("subscriptionId") long subscriptionId, @Bind("before") long beforeId, @Bind("limit") int limit);

    @SqlQuery("select status from deliveries where id = :id")
    Optional<String> status(@Bind("id") long id);
}
