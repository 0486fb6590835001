package com.docketwatch.alerts.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
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
            String email,
            String timezone,
            Instant retrySince,
            int requeuedAttempts,
            String receiver) {
        /**
         * Attempts since the delivery was queued, or since its last re-send or replay: what the back-off
         * counts.
         */
        public int attemptsSinceRequeue() {
            return Math.max(0, attempts - requeuedAttempts);
        }
    }

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
            long durationMs,
            String responseExcerpt) {}

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
            join filings f on f.id = :filingId and f.filed_on = :filedOn
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
            @Bind("filedOn") java.time.LocalDate filedOn,
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
            from unnest(:eventIds, :filingIds, cast(:filedOn as date[]), :kinds) as e(event_id, filing_id, filed_on, kind)
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
                   or exists (select 1 from filings f
                              where f.id = e.filing_id and f.filed_on = e.filed_on and f.search @@ s.query_tsq))
            on conflict do nothing
            """)
    int fanOutFilings(
            @Bind("type") String type,
            @Bind("eventIds") long[] eventIds,
            @Bind("filingIds") long[] filingIds,
            @Bind("filedOn") String[] filedOn,
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
     * The receiver of subscription {@code s2}'s webhook or Slack URL: its host and port as written
     * (lower-cased; a column PostgreSQL computes from the URL, migration V16), the unit whose concurrent
     * sends an instance bounds ({@code alerts.maxPerReceiver}). {@link #claimDue} returns it as {@link
     * Due#receiver}.
     */
    String RECEIVER_S2 = "s2.receiver";

    /**
     * Delivery {@code d2} is due and unleased, its subscription {@code s2} neither paused nor disabled,
     * and, when it was replayed, its turn has come: no earlier replayed delivery of its subscription is
     * still waiting or under way, so a replay reaches the receiver one delivery at a time, in order.
     */
    String DUE = """
            d2.status in ('pending', 'retrying') and d2.next_attempt_at <= :now
            and (d2.lease_until is null or d2.lease_until < :now) and not s2.paused and s2.disabled_at is null
            and (d2.replay_seq is null or not exists (
                select 1 from deliveries p
                where p.subscription_id = d2.subscription_id and p.replay_seq is not null
                  and p.status in ('pending', 'retrying') and p.replay_seq < d2.replay_seq))
            """;

    /**
     * Claims due deliveries until {@code leaseUntil}, in one statement: at most {@code limit} webhook and
     * Slack deliveries and {@code emails} emails (as many as there are free email senders, so that none
     * waits for one while its lease runs). Each claimed row gets the round's {@code token}: only its
     * holder may record the outcome ({@link #record}). A worker that dies mid-send leaves its lease to
     * expire; the delivery is then claimed again, with a new token, and sent again.
     *
     * <p>Receivers are served fairly: no more than {@code perReceiver} sends per receiver (host and port)
     * are under way on this instance at once. {@code busy}/{@code used} say how many this instance has
     * under way per receiver, {@code full} names those with none to spare (skipped outright); among the
     * first {@code scan} due rows of the others, each gets what it has left. The due rows read are the
     * {@code examine} after position ({@code fromAt}, {@code fromId}) in due order: a claim reads a bounded
     * window, never the whole backlog, even when the receivers at its head are all full (reading all of it
     * took 414 ms per claim with a million due to one receiver, and a claim was made for each filing's NOTIFY).
     * The worker moves the window on past receivers that are full ({@link #windowEnd}), and back to the head
     * once it claims. So a receiver that hangs
     * holds at most its share, never the whole instance. The due rows are read in order and each looks up
     * its subscription ({@code offset 0} keeps that a lookup per row): the scan stops after {@code scan}
     * rows, where a join of all subscriptions to all due rows (what the planner picks while the statistics
     * do not know of a fan-out just written) read 10,000 due deliveries to claim 256.
     *
     * <p>A delivery whose subscription's key was revoked is not returned: the claim ends it as failed
     * ({@link #KEY_REVOKED}), unsent.
     */
    @SqlQuery("""
            with seen as (
                select w.id, w.next_attempt_at, w.receiver
                from (select d2.id, d2.next_attempt_at, coalesce(
            """ + RECEIVER_S2 + """
                             , '') as receiver
                      from deliveries d2
                      cross join lateral (select s.channel_type, s.receiver, s.paused, s.disabled_at
                                          from subscriptions s where s.id = d2.subscription_id offset 0) s2
                      where s2.channel_type <> 'email' and
            """ + DUE + """
                        and (d2.next_attempt_at, d2.id) > (cast(:fromAt as timestamptz), cast(:fromId as bigint))
                      order by d2.next_attempt_at, d2.id
                      limit :examine) w
                where not (w.receiver = any (cast(:full as text[])))
                order by w.next_attempt_at, w.id
                limit :scan
            ),
            fair as (
                select r.id, r.next_attempt_at
                from (select seen.*, row_number() over (partition by receiver order by next_attempt_at, id) as nth
                      from seen) r
                left join unnest(cast(:busy as text[]), cast(:used as int[])) as b(receiver, used)
                       on b.receiver = r.receiver
                where r.nth <= :perReceiver - coalesce(b.used, 0)
                order by r.next_attempt_at, r.id
                limit :limit
            ),
            hooks as (
                select d3.id
                from deliveries d3
                where d3.id in (select id from fair)
                  and d3.status in ('pending', 'retrying') and (d3.lease_until is null or d3.lease_until < :now)
                for update skip locked
            ),
            mails as (
                select d2.id
                from deliveries d2
                join subscriptions s2 on s2.id = d2.subscription_id
                where s2.channel_type = 'email' and
            """ + DUE + """
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
                   s.webhook_url, s.secret_enc, s.email, co.timezone,
                   coalesce(d.requeued_at, d.created_at) as retry_since, d.requeued_attempts,
                   coalesce(s.receiver, '') as receiver
            from claimed d
            join events e on e.id = d.event_id
            join cases c on c.id = e.case_id
            join courts co on co.id = c.court_id
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
            @Bind("revoked") String revokedError,
            @Bind("scan") int scan,
            @Bind("fromAt") Instant windowFromAt,
            @Bind("fromId") long windowFromId,
            @Bind("examine") int examine,
            @Bind("perReceiver") int perReceiver,
            @Bind("busy") String[] busyReceivers,
            @Bind("used") int[] usedByReceiver,
            @Bind("full") String[] fullReceivers);

    /** Before every due delivery: the start of the first window of {@link #claimDue}. */
    Instant WINDOW_START = Instant.parse("0001-01-01T00:00:00Z");

    /** A place in the due order: a delivery's next attempt and id. */
    record Position(Instant at, long id) {}

    /**
     * Where a window of {@code examine} due deliveries after ({@code fromAt}, {@code fromId}) ends: the
     * place of its last row, or empty when fewer are due (the window reached the end of the due ones).
     */
    @SqlQuery("""
            select d2.next_attempt_at as at, d2.id
            from deliveries d2
            where d2.status in ('pending', 'retrying') and d2.next_attempt_at <= :now
              and (d2.next_attempt_at, d2.id) > (cast(:fromAt as timestamptz), cast(:fromId as bigint))
            order by d2.next_attempt_at, d2.id
            offset :examine - 1
            limit 1
            """)
    Optional<Position> windowEnd(
            @Bind("now") Instant now,
            @Bind("fromAt") Instant fromAt,
            @Bind("fromId") long fromId,
            @Bind("examine") int examine);

    /** A claim with nothing under way on this instance and no bound per receiver beyond {@code limit}. */
    default List<Due> claimDue(Instant now, Instant leaseUntil, UUID token, int limit, int emails) {
        return claimDue(
                now,
                leaseUntil,
                token,
                limit,
                emails,
                KEY_REVOKED,
                limit,
                WINDOW_START,
                0,
                Integer.MAX_VALUE,
                limit,
                new String[0],
                new int[0],
                new String[0]);
    }

    /** What recording a round came to: how many outcomes were recorded, and the subscriptions it disabled. */
    record Recorded(int recorded, List<Long> disabled) {}

    /** Never disables on failures alone (a 410 Gone still does). */
    Duration NEVER = Duration.ofDays(365_000);

    /**
     * Records a round of attempts by the holder of lease {@code token}: each delivery's new state and a
     * row of its attempt log, in one statement over arrays rather than one per delivery. A delivery
     * claimed again meanwhile (its lease ran out and another worker holds it under a new token) is left
     * to its new holder: this outcome is refused. Returns how many were recorded.
     */
    default int record(List<Attempt> attempts, UUID token) {
        return record(attempts, token, NEVER).recorded();
    }

    /**
     * {@link #record(List, UUID)}, and the subscriptions' run of failures: a success ends it; a webhook or
     * Slack subscription failing since {@code disableAfter} ago or more, or answered 410 Gone, is disabled.
     */
    default Recorded record(List<Attempt> attempts, UUID token, Duration disableAfter) {
        return record(attempts, Collections.nCopies(attempts.size(), token), disableAfter);
    }

    /**
     * {@link #record(List, UUID, Duration)} for attempts made under different claims, in one statement:
     * {@code tokens.get(i)} fences {@code attempts.get(i)}, each row on its own (a stale token refuses its
     * own row, the others are recorded).
     */
    default Recorded record(List<Attempt> attempts, List<UUID> tokens, Duration disableAfter) {
        return attempts.isEmpty()
                ? new Recorded(0, List.of())
                : record(Columns.of(attempts, tokens), null, disableAfter.toMillis() / 1000.0, GONE);
    }

    /**
     * Records a digest's attempt on its held deliveries ({@code status = 'digest'}, not leased: a digest
     * is sent under its subscription's advisory lock). Rows no longer held are left alone.
     */
    default Recorded recordDigest(List<Attempt> attempts, Duration disableAfter) {
        return attempts.isEmpty()
                ? new Recorded(0, List.of())
                : record(
                        Columns.of(attempts, Collections.nCopies(attempts.size(), null)),
                        "digest",
                        disableAfter.toMillis() / 1000.0,
                        GONE);
    }

    /** Why a subscription whose receiver answered 410 Gone is disabled. */
    String GONE = "HTTP 410 Gone: the receiver asked for no more alerts";

    /** A round of attempts as the arrays {@link #record(Columns, String, double, String)} unnests. */
    record Columns(
            long[] ids,
            String[] tokens,
            String[] statuses,
            int[] counts,
            String[] errors,
            String[] nextAts,
            String[] deliveredAts,
            String[] attemptedAts,
            Integer[] codes,
            long[] durations,
            String[] excerpts) {
        static Columns of(List<Attempt> attempts, List<UUID> tokens) {
            int n = attempts.size();
            if (tokens.size() != n) {
                throw new IllegalArgumentException(n + " attempts but " + tokens.size() + " lease tokens");
            }
            Columns c = new Columns(
                    new long[n],
                    new String[n],
                    new String[n],
                    new int[n],
                    new String[n],
                    new String[n],
                    new String[n],
                    new String[n],
                    new Integer[n],
                    new long[n],
                    new String[n]);
            for (int i = 0; i < n; i++) {
                Attempt a = attempts.get(i);
                c.ids[i] = a.deliveryId();
                c.tokens[i] = tokens.get(i) == null ? null : tokens.get(i).toString();
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
                c.excerpts[i] = a.responseExcerpt();
            }
            return c;
        }
    }

    /**
     * {@link #record(List, List, Duration)} over its arrays, one element per attempt: {@code a} is the
     * attempts as rows, {@code u} updates the deliveries still held (each by its own attempt's lease
     * token, or in status {@code held}), and the insert logs the attempts of those alone. Instants travel as ISO-8601 text
     * (null when absent), read back as {@code timestamptz[]}. A delivery asked again while this attempt
     * was under way ({@code resend}) is due again at once, whatever the attempt came to.
     *
     * <p>Then each subscription's run of failures ({@code f}, webhook and Slack only): any success in the
     * round ends it; otherwise it starts at the round's first failure if none was running, and a run of
     * {@code disableAfter} seconds or more, or a 410 Gone answer, disables the subscription with the
     * last error as the reason. Rows are written only when something changes.
     */
    @SqlQuery("""
            with a as (
                select *
                from unnest(:c.ids, cast(:c.tokens as uuid[]), :c.statuses, :c.counts, :c.errors,
                            cast(:c.nextAts as timestamptz[]), cast(:c.deliveredAts as timestamptz[]),
                            cast(:c.attemptedAts as timestamptz[]), cast(:c.codes as integer[]), :c.durations,
                            cast(:c.excerpts as text[]))
                     as a(id, token, status, attempts, error, next_at, delivered_at, attempted_at, code, duration,
                          excerpt)
            ),
            u as (
                update deliveries d
                set status = case when d.resend then 'pending' else a.status end,
                    attempts = a.attempts, last_error = a.error,
                    next_attempt_at = case when d.resend then a.attempted_at
                                           else coalesce(a.next_at, d.next_attempt_at) end,
                    delivered_at = coalesce(a.delivered_at, d.delivered_at),
                    lease_until = null, resend = false
                from a
                where d.id = a.id
                  and (d.lease_token = a.token or d.status = cast(:held as text))
                returning d.id, d.subscription_id, a.token
            ),
            logged as (
                insert into delivery_attempts (delivery_id, attempted_at, status_code, error, duration_ms,
                                               response_excerpt)
                select a.id, a.attempted_at, a.code, a.error, a.duration, a.excerpt
                from a
                join u on u.id = a.id and u.token is not distinct from a.token
            ),
            f as (
                select u.subscription_id as id,
                       bool_or(a.delivered_at is not null) as ok,
                       bool_or(a.code = 410) as gone,
                       min(a.attempted_at) as first_at,
                       max(a.attempted_at) as last_at,
                       (array_agg(a.error order by a.attempted_at desc, a.id desc))[1] as last_error
                from a
                join u on u.id = a.id and u.token is not distinct from a.token
                group by u.subscription_id
            ),
            g as (
                select f.*, s.failing_since is not null as was_failing,
                       not f.ok and (f.gone or coalesce(s.failing_since, f.first_at)
                                     <= f.last_at - cast(:disableAfter as double precision) * interval '1 second')
                           as disable
                from f
                join subscriptions s on s.id = f.id
                where s.channel_type in ('webhook', 'slack') and s.disabled_at is null
            ),
            changed as (
                update subscriptions s
                set failing_since = case when g.ok then null else coalesce(s.failing_since, g.first_at) end,
                    disabled_at = case when g.disable then g.last_at end,
                    disabled_reason = case when g.disable then
                                          case when g.gone then cast(:gone as text) else g.last_error end end
                from g
                where s.id = g.id and (g.disable or g.ok = g.was_failing)
                returning s.id, s.disabled_at
            )
            select (select count(*) from u) as recorded,
                   coalesce((select array_agg(id order by id) from changed where disabled_at is not null),
                            cast('{}' as bigint[])) as disabled
            """)
    Recorded record(
            @BindMethods("c") Columns columns,
            @Bind("held") String heldStatus,
            @Bind("disableAfter") double disableAfterSeconds,
            @Bind("gone") String goneReason);

    /**
     * How long the oldest due delivery has been waiting, in seconds (0 when none is due; those of paused
     * or disabled subscriptions wait on purpose).
     */
    @SqlQuery("""
            select coalesce(extract(epoch from (:now - min(d.next_attempt_at))), 0)
            from deliveries d
            join subscriptions s on s.id = d.subscription_id
            where d.status in ('pending', 'retrying') and d.next_attempt_at <= :now
              and (d.lease_until is null or d.lease_until < :now) and not s.paused and s.disabled_at is null
            """)
    double backlogAgeSeconds(@Bind("now") Instant now);

    /** A delivery log entry's columns ({@link LogRow}), from {@code deliveries d} joined to {@code events e}. */
    String LOG_ROW = """
            d.id, d.event_id, e.type as event_type, d.status, d.attempts, d.last_error,
            case when d.status in ('pending', 'retrying') or (d.status = 'digest' and d.attempts > 0)
                 then d.next_attempt_at end as next_attempt_at,
            d.delivered_at, d.created_at
            """;

    /**
     * The delivery log, newest first. {@code next_attempt_at} is shown while a delivery is waiting for
     * its next try: pending or retrying, or held for a digest that failed and backs off.
     */
    @SqlQuery("select " + LOG_ROW + """
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

    // ---------------------------------------------------------------------------------------------
    // Delivery operations: one delivery with its attempts, re-send, replay, re-enable

    /** One entry of a subscription's attempt log. */
    record AttemptRow(Instant at, Integer statusCode, String error, long durationMs, String responseExcerpt) {}

    /** One delivery of the subscription, as its log shows it. */
    @SqlQuery("select " + LOG_ROW + """
            from deliveries d
            join events e on e.id = d.event_id
            where d.subscription_id = :subscriptionId and d.id = :id
            """)
    Optional<LogRow> find(@Bind("subscriptionId") long subscriptionId, @Bind("id") long deliveryId);

    /** Every attempt of a delivery, oldest first. */
    @SqlQuery("""
            select attempted_at as at, status_code, error, duration_ms, response_excerpt
            from delivery_attempts
            where delivery_id = :id
            order by id
            """)
    List<AttemptRow> attempts(@Bind("id") long deliveryId);

    /** Delivery {@code d} is under way at {@code :now}: leased by a worker that has not recorded it yet. */
    String LEASED = "(coalesce(d.lease_until >= :now, false) and d.status in ('pending', 'retrying'))";

    /**
     * What asking for a delivery again does to its row: due now, its retry window and back-off starting
     * again. One under way at {@code :now} (leased by a worker) keeps its lease and is marked
     * {@code resend}: once that send is recorded (by its holder, through the fenced path), it is due again.
     */
    String REQUEUE = """
            status = case when
            """ + LEASED + """
                then d.status else 'pending' end,
            next_attempt_at = case when
            """ + LEASED + """
                then d.next_attempt_at else cast(:now as timestamptz) end,
            resend =
            """ + LEASED + """
            , requeued_at = :now,
            requeued_attempts = d.attempts + case when
            """ + LEASED + """
                then 1 else 0 end
            """;

    /** Re-sends one delivery now (not one held for a digest); false when there is no such delivery. */
    @SqlUpdate("update deliveries d set " + REQUEUE + """
            where d.subscription_id = :subscriptionId and d.id = :id and d.status <> 'digest'
            """)
    int resend(@Bind("subscriptionId") long subscriptionId, @Bind("id") long deliveryId, @Bind("now") Instant now);

    /** How many deliveries of the subscription a replay from {@code since} would send, counting up to {@code cap}. */
    @SqlQuery("""
            select count(*)
            from (select 1 from deliveries
                  where subscription_id = :subscriptionId and created_at >= :since and status <> 'digest'
                  limit :cap) x
            """)
    int replayable(@Bind("subscriptionId") long subscriptionId, @Bind("since") Instant since, @Bind("cap") int cap);

    /** A block of replay positions: each replay numbers its deliveries from {@code next * REPLAY_BLOCK}. */
    @SqlQuery("select nextval('delivery_replays')")
    long nextReplay();

    /** The most deliveries one replay may number ({@link #nextReplay}); {@code alerts.maxReplayEvents} stays below. */
    long REPLAY_BLOCK = 1_000_000;

    /**
     * Replays: every delivery of the subscription queued at or after {@code since} (none held for a
     * digest) is due again now, numbered {@code base + 1, 2, …} in change-feed order (its events'
     * {@code (txid, id)}), so that they are claimed one at a time in that order ({@link #DUE}).
     */
    @SqlQuery("""
            with picked as (
                select d.id, row_number() over (order by e.txid, e.id) as n
                from deliveries d
                join events e on e.id = d.event_id
                where d.subscription_id = :subscriptionId and d.created_at >= :since and d.status <> 'digest'
            ),
            requeued as (
                update deliveries d
                set replay_seq = :base + p.n,
            """ + REQUEUE + """
                from picked p
                where d.id = p.id
                returning d.id
            )
            select count(*) from requeued
            """)
    int replay(
            @Bind("subscriptionId") long subscriptionId,
            @Bind("since") Instant since,
            @Bind("now") Instant now,
            @Bind("base") long base);

    /**
     * A disabled subscription is enabled again: its waiting deliveries still inside their retry window
     * are due now; those whose window ended meanwhile are failed, unsent. Returns how many are due now.
     */
    @SqlQuery("""
            with expired as (
                update deliveries d
                set status = 'failed',
                    last_error = 'not sent: its retry window ended while the subscription was disabled'
                        || coalesce(' (last error: ' || d.last_error || ')', '')
                where d.subscription_id = :subscriptionId and d.status in ('pending', 'retrying')
                  and (d.lease_until is null or d.lease_until < :now)
                  and coalesce(d.requeued_at, d.created_at)
                      <= cast(:now as timestamptz) - cast(:window as double precision) * interval '1 second'
                returning d.id
            ),
            due as (
                update deliveries d
                set next_attempt_at = cast(:now as timestamptz)
                where d.subscription_id = :subscriptionId and d.status in ('pending', 'retrying')
                  and (d.lease_until is null or d.lease_until < :now) and d.next_attempt_at > :now
                  and d.id not in (select id from expired)
                returning d.id
            )
            select count(*) from due
            """)
    int reenable(
            @Bind("subscriptionId") long subscriptionId,
            @Bind("now") Instant now,
            @Bind("window") double retryWindowSeconds);
}
