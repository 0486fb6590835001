package com.docketwatch.reminders;

import com.docketwatch.platform.db.Daos;
import com.docketwatch.reminders.ReminderDao.Covering;
import com.docketwatch.reminders.ReminderDao.DueReminder;
import com.docketwatch.reminders.ReminderDao.HearingTime;
import com.docketwatch.reminders.ReminderDao.NewDelivery;
import com.docketwatch.reminders.ReminderDao.NewEvent;
import com.docketwatch.reminders.ReminderDao.Planned;
import com.docketwatch.reminders.ReminderDao.Settled;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hearing reminders: one {@code hearing.reminder} per (subscription, hearing, lead time) at
 * {@code scheduled_at - lead_time}. Planned in the transaction that schedules, moves or cancels a
 * hearing (or creates a subscription), so reminders always match the calendar; sent by a sweep that
 * claims due rows with {@code FOR UPDATE SKIP LOCKED} and turns each into an event plus one delivery
 * for its subscription, in one transaction: exactly once, whichever instance sweeps. A revoked key's
 * subscriptions get no new reminders, and their pending ones are cancelled when due.
 */
public final class ReminderService {
    private static final Logger LOG = LoggerFactory.getLogger(ReminderService.class);

    private final Jdbi jdbi;
    private final Clock clock;
    private final ObjectMapper json;
    private final Duration lateAfter;
    private final int batchSize;
    private final Duration sweepInterval;

    public ReminderService(Jdbi jdbi, Clock clock, ObjectMapper json, RemindersConfig config) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.json = json;
        this.lateAfter = config.getLateAfter();
        this.batchSize = config.getBatchSize();
        this.sweepInterval = config.getSweepInterval();
    }

    /** How often the clustered sweep ({@link ReminderSweepJob}) should run. */
    public Duration sweepInterval() {
        return sweepInterval;
    }

    /** (Re)plans the reminders of a hearing just scheduled or moved; past instants send nothing. */
    public void planHearing(Handle h, long caseId, long hearingId, Instant scheduledAt, ZoneId zone) {
        ReminderDao dao = Daos.on(h, ReminderDao.class);
        List<Planned> planned = new ArrayList<>();
        for (Covering c : dao.covering(caseId)) {
            for (String lead : c.reminderLeadTimes()) {
                planned.add(new Planned(
                        c.subscriptionId(),
                        hearingId,
                        lead,
                        LeadTime.parse(lead).before(scheduledAt, zone)));
            }
        }
        if (!planned.isEmpty()) {
            dao.plan(planned);
        }
        dao.cancelPast(hearingId, clock.instant());
    }

    /** A vacated or held hearing sends no more reminders. */
    public void cancelHearing(Handle h, long hearingId) {
        Daos.on(h, ReminderDao.class).cancelAll(hearingId, clock.instant());
    }

    /** Plans a new subscription's reminders for the future hearings it covers. */
    public void planSubscription(Handle h, long subscriptionId, List<String> leadTimes) {
        ReminderDao dao = Daos.on(h, ReminderDao.class);
        Instant now = clock.instant();
        List<Planned> planned = new ArrayList<>();
        for (HearingTime hearing : dao.coveredHearings(subscriptionId, now)) {
            for (String lead : leadTimes) {
                Instant due = LeadTime.parse(lead).before(hearing.scheduledAt(), ZoneId.of(hearing.timezone()));
                if (due.isAfter(now)) {
                    planned.add(new Planned(subscriptionId, hearing.hearingId(), lead, due));
                }
            }
        }
        if (!planned.isEmpty()) {
            dao.plan(planned);
        }
    }

    /** Sends every due reminder; returns how many were handled. */
    public int sweep() {
        int total = 0;
        int n;
        do {
            n = jdbi.inTransaction(h -> sweepBatch(h));
            total += n;
        } while (n == batchSize);
        return total;
    }

    private int sweepBatch(Handle h) {
        ReminderDao dao = Daos.on(h, ReminderDao.class);
        Instant now = clock.instant();
        List<DueReminder> due = dao.claimDue(now, batchSize);
        if (due.isEmpty()) {
            return 0;
        }
        List<Settled> settled = new ArrayList<>(due.size());
        List<DueReminder> toSend = new ArrayList<>();
        List<NewEvent> events = new ArrayList<>();
        for (DueReminder r : due) {
            if (r.keyRevoked()) {
                settled.add(new Settled(r.id(), "cancelled", null, null, now)); // a revoked key is sent nothing
            } else if (r.paused()) {
                settled.add(new Settled(r.id(), "skipped", null, null, now));
            } else if (!r.scheduledAt().isAfter(now)) {
                settled.add(
                        new Settled(r.id(), "missed", null, null, now)); // the service was down until after the hearing
            } else {
                toSend.add(r);
                events.add(new NewEvent(r.caseId(), now, data(r, late(r, now))));
            }
        }
        if (!toSend.isEmpty()) {
            long[] ids = dao.insertEvents(events);
            List<NewDelivery> deliveries = new ArrayList<>(toSend.size());
            for (int i = 0; i < toSend.size(); i++) {
                DueReminder r = toSend.get(i);
                deliveries.add(new NewDelivery(ids[i], r.subscriptionId(), now));
                settled.add(new Settled(r.id(), "sent", ids[i], late(r, now), now));
            }
            dao.insertDeliveries(deliveries);
        }
        dao.settle(settled);
        long missed = settled.stream().filter(s -> s.status().equals("missed")).count();
        if (missed > 0) {
            LOG.warn(
                    "{} reminders were due while the service was down and their hearings are over: recorded as missed",
                    missed);
        }
        return due.size();
    }

    private boolean late(DueReminder r, Instant now) {
        return Duration.between(r.dueAt(), now).compareTo(lateAfter) > 0;
    }

    /** The hearing (in its court's zone), its case, the lead time and whether the reminder is late. */
    private String data(DueReminder r, boolean late) {
        ObjectNode d = json.createObjectNode();
        d.put("id", Long.toString(r.hearingId()));
        d.put("case_id", Long.toString(r.caseId()));
        d.put("kind", r.kind());
        d.put(
                "scheduled_at",
                OffsetDateTime.ofInstant(r.scheduledAt(), ZoneId.of(r.timezone()))
                        .toString());
        d.put("timezone", r.timezone());
        d.put("location", r.location());
        d.put("description", r.description());
        d.put("status", r.status());
        d.put("lead_time", r.leadTime());
        d.put("reminder_at", r.dueAt().toString());
        d.put("late", late);
        try {
            return json.writeValueAsString(d);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
