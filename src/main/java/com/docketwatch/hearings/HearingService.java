package com.docketwatch.hearings;

import com.docketwatch.cases.CaseDao;
import com.docketwatch.cases.CaseService;
import com.docketwatch.events.Events;
import com.docketwatch.hearings.HearingDao.HearingQuery;
import com.docketwatch.hearings.HearingDao.HearingRow;
import com.docketwatch.hearings.HearingDao.HistoryRow;
import com.docketwatch.hearings.HearingDao.NewHearing;
import com.docketwatch.platform.Text;
import com.docketwatch.platform.db.Daos;
import com.docketwatch.platform.errors.ApiException;
import com.docketwatch.platform.request.Check;
import com.docketwatch.platform.request.Cursor;
import com.docketwatch.platform.request.Ids;
import com.docketwatch.platform.request.Page;
import com.docketwatch.platform.request.PageRequest;
import com.docketwatch.platform.request.Params;
import com.docketwatch.reminders.ReminderService;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Hearings and deadlines: scheduling, rescheduling (the old time kept in history), vacating and
 * marking held. Only a hearing still on the calendar (scheduled or rescheduled) can change.
 */
public final class HearingService {
    private static final Set<String> ON_CALENDAR = Set.of("scheduled", "rescheduled");

    private final Jdbi jdbi;
    private final Clock clock;
    private final Events events;
    private final ReminderService reminders;

    public HearingService(Jdbi jdbi, Clock clock, Events events, ReminderService reminders) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.events = events;
        this.reminders = reminders;
    }

    public HearingView create(long caseId, HearingRequest r) {
        return jdbi.inTransaction(h -> {
            CaseService.requireCase(h, caseId);
            NewHearing hearing = new NewHearing(
                    r.kind().wire(),
                    r.scheduledAt().toInstant(),
                    Text.blankToNull(r.location()),
                    Text.blankToNull(r.description()),
                    "scheduled",
                    "editor",
                    null,
                    null,
                    true,
                    null);
            return view(h, schedule(h, caseId, hearing, true, clock.instant()));
        });
    }

    /**
     * Puts a hearing on the calendar inside the caller's transaction. With {@code notify} it raises
     * {@code hearing.scheduled} and plans its reminders; a hearing recorded only for the record (a date
     * already past, or one recorded as vacated or held) does neither.
     */
    public long schedule(Handle h, long caseId, NewHearing hearing, boolean notify, Instant now) {
        HearingDao dao = Daos.on(h, HearingDao.class);
        long id = dao.insert(caseId, hearing, now);
        dao.insertHistory(id, hearing.status(), hearing.scheduledAt(), null, null, now, hearing.sourceFilingId());
        Daos.on(h, CaseDao.class).touch(caseId, now);
        if (notify && ON_CALENDAR.contains(hearing.status())) {
            HearingView view = view(h, id);
            reminders.planHearing(h, caseId, id, hearing.scheduledAt(), ZoneId.of(view.timezone()));
            events.record(h, Events.HEARING_SCHEDULED, caseId, view, now);
        }
        return id;
    }

    /**
     * Moves a hearing still on the calendar, inside the caller's transaction: the old time kept in its
     * history, its reminders moved, and with {@code notify} {@code hearing.rescheduled}.
     */
    public void reschedule(Handle h, HearingRow row, Instant to, Long sourceFilingId, boolean notify, Instant now) {
        HearingDao dao = Daos.on(h, HearingDao.class);
        dao.update(row.id(), to, "rescheduled", null, now);
        dao.insertHistory(row.id(), "rescheduled", to, row.scheduledAt(), null, now, sourceFilingId);
        if (notify) {
            reminders.planHearing(h, row.caseId(), row.id(), to, ZoneId.of(row.timezone()));
        } else {
            reminders.cancelHearing(h, row.id());
        }
        Daos.on(h, CaseDao.class).touch(row.caseId(), now);
        if (notify) {
            events.record(h, Events.HEARING_RESCHEDULED, row.caseId(), view(h, row.id()), now);
        }
    }

    /**
     * Takes a hearing off the calendar as vacated or held, inside the caller's transaction: its reminders
     * cancelled, and with {@code notify} a vacated one raises {@code hearing.vacated}.
     */
    public void close(
            Handle h,
            HearingRow row,
            HearingStatus status,
            String outcome,
            Long sourceFilingId,
            boolean notify,
            Instant now) {
        HearingDao dao = Daos.on(h, HearingDao.class);
        dao.update(row.id(), row.scheduledAt(), status.wire(), outcome, now);
        dao.insertHistory(row.id(), status.wire(), row.scheduledAt(), null, outcome, now, sourceFilingId);
        reminders.cancelHearing(h, row.id());
        Daos.on(h, CaseDao.class).touch(row.caseId(), now);
        if (notify && status == HearingStatus.VACATED) {
            events.record(h, Events.HEARING_VACATED, row.caseId(), view(h, row.id()), now);
        }
    }

    /** {@code {"scheduled_at"}} reschedules; {@code {"status": "vacated"}} or {@code {"status": "held", "outcome"?}}. */
    public HearingView change(long caseId, long hearingId, HearingPatch r) {
        Check check = new Check();
        if (r.status() != null && r.status() != HearingStatus.VACATED && r.status() != HearingStatus.HELD) {
            check.fail("status", "must be one of vacated, held");
        }
        if (r.scheduledAt() == null && r.status() == null) {
            check.fail("body", "send scheduled_at to reschedule, or status vacated or held");
        }
        if (r.scheduledAt() != null && r.status() != null) {
            check.fail("status", "reschedule (scheduled_at) and a status change are separate requests");
        }
        if (r.outcome() != null && r.status() != HearingStatus.HELD) {
            check.fail("outcome", "only applies when marking a hearing held");
        }
        check.orThrow();
        return jdbi.inTransaction(h -> {
            CaseService.requireCase(h, caseId);
            HearingDao dao = Daos.on(h, HearingDao.class);
            HearingRow row = dao.lock(caseId, hearingId)
                    .orElseThrow(() -> ApiException.notFound("No hearing " + hearingId + " in case " + caseId));
            if (!ON_CALENDAR.contains(row.status())) {
                throw ApiException.conflict("The hearing was " + row.status() + " and can no longer change");
            }
            Instant now = clock.instant();
            if (r.scheduledAt() != null) {
                Instant to = r.scheduledAt().toInstant();
                if (to.equals(row.scheduledAt())) {
                    throw ApiException.conflict("The hearing is already scheduled at " + r.scheduledAt());
                }
                reschedule(h, row, to, null, true, now);
            } else {
                close(h, row, r.status(), Text.blankToNull(r.outcome()), null, true, now);
            }
            dao.editorChanged(hearingId, now);
            return view(h, hearingId);
        });
    }

    public HearingView get(long caseId, long hearingId) {
        return jdbi.withHandle(h -> {
            CaseService.requireCase(h, caseId);
            HearingRow row = Daos.on(h, HearingDao.class)
                    .find(hearingId)
                    .filter(r -> r.caseId() == caseId)
                    .orElseThrow(() -> ApiException.notFound("No hearing " + hearingId + " in case " + caseId));
            return views(h, List.of(row)).get(0);
        });
    }

    /** The calendar across cases (or of one case), in time order. */
    public Page<HearingView> list(HearingQuery query, PageRequest page, boolean requireCase) {
        Cursor c = page.decode(2);
        Instant afterAt = c == null ? null : parseInstant(c.get(0));
        return jdbi.withHandle(h -> {
            if (requireCase) {
                CaseService.requireCase(h, query.caseId());
            }
            List<HearingRow> rows =
                    HearingDao.list(h, query, afterAt, c == null ? null : c.getLong(1), page.fetchSize());
            Page<HearingRow> raw = Page.of(rows, page, r -> Cursor.of(r.scheduledAt(), r.id()), r -> r);
            return new Page<>(views(h, raw.data()), raw.nextCursor());
        });
    }

    private static HearingView view(Handle h, long id) {
        return views(h, List.of(Daos.on(h, HearingDao.class).find(id).orElseThrow()))
                .get(0);
    }

    private static List<HearingView> views(Handle h, List<HearingRow> rows) {
        return views(
                rows, HearingDao.history(h, rows.stream().map(HearingRow::id).toList()));
    }

    /** The hearings as the API shows them (local times in each court's zone), with their history. */
    public static List<HearingView> views(List<HearingRow> rows, List<HistoryRow> historyRows) {
        Map<Long, List<HistoryRow>> history =
                historyRows.stream().collect(Collectors.groupingBy(HistoryRow::hearingId));
        List<HearingView> views = new ArrayList<>(rows.size());
        for (HearingRow r : rows) {
            ZoneId zone = ZoneId.of(r.timezone());
            List<HearingHistoryView> steps = history.getOrDefault(r.id(), List.of()).stream()
                    .map(s -> new HearingHistoryView(
                            s.action(),
                            local(s.scheduledAt(), zone),
                            local(s.previousAt(), zone),
                            s.outcome(),
                            s.changedAt(),
                            Ids.str(s.sourceFilingId())))
                    .toList();
            views.add(new HearingView(
                    Ids.str(r.id()),
                    Ids.str(r.caseId()),
                    r.kind(),
                    local(r.scheduledAt(), zone),
                    r.timezone(),
                    r.location(),
                    r.description(),
                    r.status(),
                    r.outcome(),
                    r.origin(),
                    Ids.str(r.sourceFilingId()),
                    r.title(),
                    r.timeKnown(),
                    r.judge(),
                    steps,
                    r.createdAt(),
                    r.updatedAt()));
        }
        return views;
    }

    private static OffsetDateTime local(Instant at, ZoneId zone) {
        return at == null ? null : OffsetDateTime.ofInstant(at, zone);
    }

    private static Instant parseInstant(String s) {
        try {
            Instant at = Instant.parse(s);
            if (Params.supportedInstant(at)) {
                return at;
            }
        } catch (RuntimeException e) {
            // fall through
        }
        throw ApiException.badParameter("cursor", "is not a cursor this list returned");
    }
}
