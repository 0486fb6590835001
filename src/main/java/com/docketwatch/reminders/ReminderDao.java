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

    /** Subscriptions with lead times that cover the case, except those of revoked keys. */
    @SqlQuery("""
            select s.id as subscription_id, s.reminder_lead_times
            from subscriptions s, cases c
            where c.id = :caseId and s.reminder_lead_times is not null
              and not exists (select 1 from api_keys k where k.id = s.owner_key_id and k.revoked_at is not null)
              and
            """ + COVERS)
    List<Covering> covering(@Bind("caseId") long caseId);

    /** Future hearings still on the calendar that a subscription covers. */
    @SqlQuery("""
            select h.id as hearing_id, h.scheduled_at, ct.timezone
            from subscriptions s
            join cases c on
            """ + COVERS + """
            join hearings h on h.case_id = c.id
            join courts ct on ct.id = c.court_id
            where s.id = :subscriptionId and h.status in ('scheduled', 'rescheduled') and h.scheduled_at > :now
            """)
    List<HearingTime> coveredHearings(@Bind("subscriptionId") long subscriptionId, @Bind("now") Instant now);

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
