package com.docketwatch.alerts.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
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

    /** A new delivery's status and due time: digest subscribers' rows wait for their digest. */
    String STATUS = """
            case when s.delivery = 'daily_digest' then 'digest' else 'pending' end, cast(:now as timestamptz)
            """;

    /**
     * The subscription wants this event: not paused, the event type, and the filing kind when it names
     * kinds. Repeated in each branch of the fan-out so each reads only its own index's rows (a filter
     * after the union makes the planner re-join every subscription).
     */
    String WANTS = """
            and not s.paused and :type = any (s.events)
            and (s.filing_kinds is null or cast(:kind as text) is null or :kind = any (s.filing_kinds))
            """;

    /**
     * A party-name subscription's string appears in a party of the case. The case's party names are
     * lower-cased once and joined by a character no name contains: one {@code strpos} per subscription
     * instead of lower-casing every name for each of them.
     */
    String NAMES_A_PARTY = """
            and strpos((select string_agg(lower(p.name), chr(1)) from parties p where p.case_id = :caseId), s.party) > 0
            """;

    /**
     * One delivery row per matching subscription, in one statement: the case's own subscribers, its
     * court's, party-name subscribers whose string appears in a party of the case, and full-text
     * subscribers whose query matches the filing. Each branch names the predicate of its subscriptions'
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
            where s.court_id = (select court_id from cases where id = :caseId)
            """ + WANTS + """
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
     * {@link #fanOut} for many filing.created events of one case in one statement (a docket import):
     * the same matching rules, over the arrays of event ids, filing ids and kinds. {@code m} is every
     * subscription that may match, {@code by_query} when only the filing's text can tell.
     */
    @SqlUpdate("""
            insert into deliveries (event_id, subscription_id, status, next_attempt_at)
            select e.event_id, s.id, case when s.delivery = 'daily_digest' then 'digest' else 'pending' end, :now
            from unnest(:eventIds, :filingIds, :kinds) as e(event_id, filing_id, kind)
            join (
                select id, false as by_query from subscriptions where case_id = :caseId
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
            where not s.paused and 'filing.created' = any (s.events)
              and (s.filing_kinds is null or e.kind = any (s.filing_kinds))
              and (not m.by_query
                   or exists (select 1 from filings f where f.id = e.filing_id and f.search @@ s.query_tsq))
            on conflict do nothing
            """)
    int fanOutFilings(
            @Bind("eventIds") long[] eventIds,
            @Bind("filingIds") long[] filingIds,
            @Bind("kinds") String[] kinds,
            @Bind("caseId") long caseId,
            @Bind("now") Instant now);

    /**
     * Claims due deliveries for {@code lease}: rows are picked with {@code FOR UPDATE SKIP LOCKED} (so
     * concurrent workers and instances never pick the same row) and leased, all in one statement.
     * A worker that dies mid-send leaves its lease to expire; the delivery is then sent again.
     */
    @SqlQuery("""
            with claimed as (
                update deliveries d
                set lease_until = :leaseUntil
                where d.id in (
                    select d2.id
                    from deliveries d2
                    join subscriptions s2 on s2.id = d2.subscription_id
                    where d2.status in ('pending', 'retrying') and d2.next_attempt_at <= :now
                      and (d2.lease_until is null or d2.lease_until < :now) and not s2.paused
                    order by d2.next_attempt_at, d2.id
                    limit :limit
                    for update of d2 skip locked)
                returning d.*
            )
            select d.id, d.event_id, d.subscription_id, d.attempts, d.created_at, e.type, e.occurred_at,
                   e.data::text as data, e.case_id, c.caption, c.docket_number, c.court_id, s.channel_type,
                   s.webhook_url, s.secret_enc, s.email
            from claimed d
            join events e on e.id = d.event_id
            join cases c on c.id = e.case_id
            join subscriptions s on s.id = d.subscription_id
            order by d.next_attempt_at, d.id
            """)
    List<Due> claimDue(@Bind("now") Instant now, @Bind("leaseUntil") Instant leaseUntil, @Bind("limit") int limit);

    /**
     * Records a round of attempts: each delivery's new state and a row of its attempt log, in one
     * statement over arrays rather than one per delivery.
     */
    default void record(List<Attempt> attempts) {
        if (attempts.isEmpty()) {
            return;
        }
        int n = attempts.size();
        long[] ids = new long[n];
        String[] statuses = new String[n];
        int[] counts = new int[n];
        String[] errors = new String[n];
        String[] nextAts = new String[n];
        String[] deliveredAts = new String[n];
        String[] attemptedAts = new String[n];
        Integer[] codes = new Integer[n];
        long[] durations = new long[n];
        for (int i = 0; i < n; i++) {
            Attempt a = attempts.get(i);
            ids[i] = a.deliveryId();
            statuses[i] = a.status();
            counts[i] = a.attempts();
            errors[i] = a.lastError();
            nextAts[i] = a.nextAttemptAt() == null ? null : a.nextAttemptAt().toString();
            deliveredAts[i] = a.deliveredAt() == null ? null : a.deliveredAt().toString();
            attemptedAts[i] = a.attemptedAt().toString();
            codes[i] = a.statusCode();
            durations[i] = a.durationMs();
        }
        record(ids, statuses, counts, errors, nextAts, deliveredAts, attemptedAts, codes, durations);
    }

    /**
     * {@link #record(List)} over its arrays, one element per attempt: {@code a} is the attempts as rows,
     * {@code u} updates their deliveries, and the insert logs them. Instants travel as ISO-8601 text
     * (null when absent), read back as {@code timestamptz[]}.
     */
    @SqlUpdate("""
            with a as (
                select *
                from unnest(:ids, :statuses, :counts, :errors,
                            cast(:nextAts as timestamptz[]), cast(:deliveredAts as timestamptz[]),
                            cast(:attemptedAts as timestamptz[]), cast(:codes as integer[]), :durations)
                     as a(id, status, attempts, error, next_at, delivered_at, attempted_at, code, duration)
            ),
            u as (
                update deliveries d
                set status = a.status, attempts = a.attempts, last_error = a.error,
                    next_attempt_at = coalesce(a.next_at, d.next_attempt_at), delivered_at = a.delivered_at,
                    lease_until = null
                from a
                where d.id = a.id
            )
            insert into delivery_attempts (delivery_id, attempted_at, status_code, error, duration_ms)
            select id, attempted_at, code, error, duration
            from a
            """)
    void record(
            @Bind("ids") long[] ids,
            @Bind("statuses") String[] statuses,
            @Bind("counts") int[] counts,
            @Bind("errors") String[] errors,
            @Bind("nextAts") String[] nextAts,
            @Bind("deliveredAts") String[] deliveredAts,
            @Bind("attemptedAts") String[] attemptedAts,
            @Bind("codes") Integer[] codes,
            @Bind("durations") long[] durations);

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

    @SqlQuery("""
            select d.id, d.event_id, e.type as event_type, d.status, d.attempts, d.last_error,
                   case when d.status in ('pending', 'retrying') then d.next_attempt_at end as next_attempt_at,
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
