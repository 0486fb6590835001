package com.docketwatch.reminders;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Hearing reminders: planned when hearings or subscriptions change, swept when due. */
public interface ReminderDao {
    /** A subscription covering a hearing, with its lead times. */
    record Covering(long subscriptionId, List<String> reminderLeadTimes) {}

    /** A hearing still on the calendar, in its court's zone. */
    record HearingTime(long hearingId, Instant scheduledAt, String timezone) {}

    record Planned(long subscriptionId, long hearingId, String leadTime, Instant dueAt) {}

    record DueReminder(
            long id,
            long subscriptionId,
            long hearingId,
            String leadTime,
            Instant dueAt,
            boolean paused,
            boolean keyRevoked,
            long caseId,
            String kind,
            Instant scheduledAt,
            String timezone,
            String location,
            String description,
            String status) {}

    record Settled(long id, String status, Long eventId, Boolean late, Instant settledAt) {}

    record NewEvent(long caseId, Instant occurredAt, String data) {}

    record NewDelivery(long eventId, long subscriptionId, Instant now) {}

    /** Subscription {@code s} covers case {@code c}: by case, by court, or by a party name it contains. */
    String COVERS = """
            (s.case_id = c.id or s.court_id = c.court_id
             or (s.party is not null
                 and exists (select 1 from parties p where p.case_id = c.id and strpos(lower(p.name), s.party) > 0)))
            """;

    /**
     * Subscriptions with lead times that cover the case, except those of revoked keys: {@link #COVERS},
     * or following a case linked to it with {@code include_related}.
     */
    @SqlQuery("""
            select s.id as subscription_id, s.reminder_lead_times
            from subscriptions s, cases c
            where c.id = :caseId and s.reminder_lead_times is not null
              and not exists (select 1 from api_keys k where k.id = s.owner_key_id and k.revoked_at is not null)
              and (
            """ + COVERS + """
                   or (s.include_related and s.case_id in (
                       select r.related_case_id from case_relations r where r.case_id = :caseId
                       union all
                       select r.case_id from case_relations r where r.related_case_id = :caseId)))
            """)
    List<Covering> covering(@Bind("caseId") long caseId);

    /**
     * Future hearings still on the calendar that a subscription covers ({@link #COVERS}, or in a case
     * linked to its case when it includes related cases).
     */
    @SqlQuery("""
            select h.id as hearing_id, h.scheduled_at, ct.timezone
            from subscriptions s
            join cases c on
            """ + COVERS + """
                or c.id in (select r.related_case_id
                            from case_relations r
                            join subscriptions x on x.case_id = r.case_id
                            where x.id = :subscriptionId and x.include_related
                            union all
                            select r.case_id
                            from case_relations r
                            join subscriptions x on x.case_id = r.related_case_id
                            where x.id = :subscriptionId and x.include_related)
            join hearings h on h.case_id = c.id
            join courts ct on ct.id = c.court_id
            where s.id = :subscriptionId and h.status in ('scheduled', 'rescheduled') and h.scheduled_at > :now
            """)
    List<HearingTime> coveredHearings(@Bind("subscriptionId") long subscriptionId, @Bind("now") Instant now);

    /** A subscription that now covers a hearing already on the calendar, with its lead times. */
    record NewlyCovered(
            long subscriptionId,
            List<String> reminderLeadTimes,
            long hearingId,
            Instant scheduledAt,
            String timezone) {}

    /** Columns of {@link NewlyCovered}: subscription {@code s}, hearing {@code h}, court {@code ct}. */
    String NEWLY_COVERED = """
            select s.id as subscription_id, s.reminder_lead_times, h.id as hearing_id, h.scheduled_at, ct.timezone
            """;

    /** {@code s} has lead times, {@code h} is still ahead on the calendar, and the key is not revoked. */
    String AHEAD = """
            s.reminder_lead_times is not null and h.status in ('scheduled', 'rescheduled') and h.scheduled_at > :now
            and not exists (select 1 from api_keys k where k.id = s.owner_key_id and k.revoked_at is not null)
            """;

    /**
     * Two cases were just linked: the {@code include_related} subscriptions of each, with lead times,
     * and the future hearings of the other.
     */
    @SqlQuery(NEWLY_COVERED + """
            from (values (cast(:a as bigint), cast(:b as bigint)), (:b, :a)) as l(followed, other)
            join subscriptions s on s.case_id = l.followed and s.include_related
            join hearings h on h.case_id = l.other
            join cases c on c.id = h.case_id
            join courts ct on ct.id = c.court_id
            where
            """ + AHEAD)
    List<NewlyCovered> linkedHearings(@Bind("a") long caseId, @Bind("b") long otherId, @Bind("now") Instant now);

    /**
     * Parties named {@code names} were just added to the case: the party subscriptions with lead times
     * whose string appears in one of those names, and the case's future hearings.
     */
    @SqlQuery(NEWLY_COVERED + """
            from subscriptions s
            join hearings h on h.case_id = :caseId
            join cases c on c.id = h.case_id
            join courts ct on ct.id = c.court_id
            where s.party is not null
              and strpos((select string_agg(lower(n), chr(1)) from unnest(cast(:names as text[])) n), s.party) > 0
              and
            """ + AHEAD)
    List<NewlyCovered> partyHearings(
            @Bind("caseId") long caseId, @Bind("names") String[] names, @Bind("now") Instant now);

    /** Reminders of hearings a subscription has just come to cover; those it has already are left alone. */
    @SqlBatch("""
            insert into reminders (subscription_id, hearing_id, lead_time, due_at)
            values (:subscriptionId, :hearingId, :leadTime, :dueAt)
            on conflict (subscription_id, hearing_id, lead_time) do nothing
            """)
    void planNew(@BindMethods List<Planned> reminders);

    /**
     * New reminders, or pending ones moved to a new time. One cancelled because its instant had passed
     * comes back when the hearing moves later; sent, missed or skipped ones are never sent again.
     */
    @SqlBatch("""
            insert into reminders (subscription_id, hearing_id, lead_time, due_at)
            values (:subscriptionId, :hearingId, :leadTime, :dueAt)
            on conflict (subscription_id, hearing_id, lead_time) do update
            set due_at = excluded.due_at, status = 'pending', settled_at = null
            where reminders.status in ('pending', 'cancelled')
            """)
    void plan(@BindMethods List<Planned> reminders);

    /** Pending reminders of a hearing not in {@code keep} (past instants after a move, or a vacated hearing). */
    @SqlUpdate("""
            update reminders
            set status = 'cancelled', settled_at = :now
            where hearing_id = :hearingId and status = 'pending' and due_at <= :now
            """)
    int cancelPast(@Bind("hearingId") long hearingId, @Bind("now") Instant now);

    @SqlUpdate("""
            update reminders
            set status = 'cancelled', settled_at = :now
            where hearing_id = :hearingId and status = 'pending'
            """)
    int cancelAll(@Bind("hearingId") long hearingId, @Bind("now") Instant now);

    /**
     * Due reminders, locked for this transaction; rows another instance holds are skipped. Each says
     * whether its subscription is paused or its key revoked.
     */
    @SqlQuery("""
            select r.id, r.subscription_id, r.hearing_id, r.lead_time, r.due_at, s.paused,
                   k.revoked_at is not null as key_revoked, h.case_id, h.kind,
                   h.scheduled_at, ct.timezone, h.location, h.description, h.status
            from reminders r
            join subscriptions s on s.id = r.subscription_id
            join api_keys k on k.id = s.owner_key_id
            join hearings h on h.id = r.hearing_id
            join cases c on c.id = h.case_id
            join courts ct on ct.id = c.court_id
            where r.status = 'pending' and r.due_at <= :now
            order by r.due_at, r.id
            limit :limit
            for update of r skip locked
            """)
    List<DueReminder> claimDue(@Bind("now") Instant now, @Bind("limit") int limit);

    @SqlBatch("""
            insert into events (type, case_id, occurred_at, data)
            values ('hearing.reminder', :caseId, :occurredAt, cast(:data as jsonb))
            """)
    @GetGeneratedKeys("id")
    long[] insertEvents(@BindMethods List<NewEvent> events);

    @SqlBatch("""
            insert into deliveries (event_id, subscription_id, status, next_attempt_at)
            values (:eventId, :subscriptionId, 'pending', :now)
            on conflict do nothing
            """)
    void insertDeliveries(@BindMethods List<NewDelivery> deliveries);

    @SqlBatch("""
            update reminders
            set status = :status, event_id = :eventId, late = :late, settled_at = :settledAt
            where id = :id
            """)
    void settle(@BindMethods List<Settled> reminders);

    @SqlQuery("""
            select id::text as id, hearing_id::text as hearing_id, lead_time, due_at, status, late,
                   event_id::text as event_id
            from reminders
            where subscription_id = :subscriptionId and id > :after
            order by reminders.id
            limit :limit
            """)
    List<ReminderView> list(
            @Bind("subscriptionId") long subscriptionId, @Bind("after") long after, @Bind("limit") int limit);
}
