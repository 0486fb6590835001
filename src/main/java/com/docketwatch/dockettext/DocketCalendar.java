package com.docketwatch.dockettext;

import com.docketwatch.courtdates.CourtDate;
import com.docketwatch.courtdates.CourtDateReader;
import com.docketwatch.filings.EntryListener;
import com.docketwatch.filings.FilingView;
import com.docketwatch.hearings.HearingDao;
import com.docketwatch.hearings.HearingDao.HearingRow;
import com.docketwatch.hearings.HearingDao.NewHearing;
import com.docketwatch.hearings.HearingService;
import com.docketwatch.hearings.HearingStatus;
import com.docketwatch.platform.db.Daos;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * Puts on a case's calendar what its new docket entries announce, in the transaction that stores them.
 * A setting becomes a hearing ({@code origin: docket}); a reset, continuance, vacatur or minute entry
 * updates the hearing it is about instead of adding a second one; a deadline becomes a hearing of kind
 * {@code deadline}. Dates already past when the entry arrives are recorded without alerts or reminders.
 * Hearings an editor created or changed are never changed by docket text.
 */
public final class DocketCalendar implements EntryListener {
    private static final Pattern QUALIFIERS =
            Pattern.compile("\\b(initial|further|continued|telephonic|telephone|video|in-person|re-set|reset)\\b");
    /** How far back a "held on" date looks for the setting it replaced. */
    private static final Duration HELD_WITHIN = Duration.ofDays(60);

    private final CourtDateReader reader;
    private final HearingService hearings;

    public DocketCalendar(CourtDateReader reader, HearingService hearings) {
        this.reader = reader;
        this.hearings = hearings;
    }

    @Override
    public void arrived(Handle h, long caseId, List<FilingView> entries, Instant now) {
        List<Reading> readings = new ArrayList<>();
        for (FilingView entry : entries) {
            String text = entry.description() != null ? entry.description() : entry.title();
            for (CourtDate date : reader.read(text, entry.filedOn())) {
                readings.add(new Reading(entry, date));
            }
        }
        if (readings.isEmpty()) {
            return;
        }
        HearingDao dao = Daos.on(h, HearingDao.class);
        ZoneId zone = ZoneId.of(dao.zoneOf(caseId));
        // Read (and lock) the calendar once; each change below refreshes only the hearing it touched.
        List<HearingRow> calendar = new ArrayList<>(dao.lockAll(caseId));
        for (Reading r : readings) {
            apply(h, caseId, zone, r, calendar, now).ifPresent(id -> {
                calendar.removeIf(c -> c.id() == id);
                calendar.add(dao.find(id).orElseThrow());
            });
        }
    }

    private record Reading(FilingView entry, CourtDate date) {
        long filingId() {
            return Long.parseLong(entry.id());
        }
    }

    /** Applies one item; answers the hearing it created or changed, if any. */
    private Optional<Long> apply(
            Handle h, long caseId, ZoneId zone, Reading r, List<HearingRow> calendar, Instant now) {
        CourtDate d = r.date();
        Instant at = d.date() == null
                ? null
                : (d.time() == null
                                ? d.date().atStartOfDay(zone)
                                : d.date().atTime(d.time()).atZone(zone))
                        .toInstant();
        Instant entryDay = r.entry().filedOn().atStartOfDay(zone).toInstant();
        boolean notify = at != null && at.isAfter(now);
        List<HearingRow> same = calendar.stream()
                .filter(c -> "deadline".equals(c.kind()) == (d.type() == CourtDate.Type.DEADLINE))
                .filter(c -> d.type() == CourtDate.Type.DEADLINE ? sameThingDue(c, d) : sameProceeding(c, d))
                .toList();
        switch (d.action()) {
            case SCHEDULED, RESCHEDULED, DUE -> {
                if (at == null
                        || same.stream().anyMatch(c -> c.scheduledAt().equals(at) && !"vacated".equals(c.status()))) {
                    return Optional.empty(); // no date, or already on the calendar: the entry confirms it
                }
                if (same.stream()
                        .anyMatch(c -> editorOwned(c) && !c.scheduledAt().isBefore(entryDay))) {
                    return Optional.empty(); // an editor keeps this proceeding: their word wins over docket text
                }
                Optional<HearingRow> moved =
                        nearest(same, at, c -> changeable(c) && !c.scheduledAt().isBefore(entryDay));
                if (moved.isEmpty() && d.action() == CourtDate.Action.RESCHEDULED) {
                    moved = nearest(same, at, this::changeable);
                }
                if (moved.isPresent()) {
                    hearings.reschedule(h, moved.get(), at, r.filingId(), notify, now);
                    return Optional.of(moved.get().id());
                } else {
                    return Optional.of(
                            hearings.schedule(h, caseId, newHearing(d, at, "scheduled", r.filingId()), notify, now));
                }
            }
            case VACATED, HELD -> {
                HearingStatus status =
                        d.action() == CourtDate.Action.VACATED ? HearingStatus.VACATED : HearingStatus.HELD;
                Predicate<HearingRow> when = d.date() == null
                        ? (status == HearingStatus.HELD
                                ? c -> !c.scheduledAt().isAfter(entryDay.plus(Duration.ofDays(1)))
                                : c -> true)
                        : c -> c.scheduledAt().atZone(zone).toLocalDate().equals(d.date());
                Optional<HearingRow> target =
                        nearest(same, at != null ? at : entryDay, c -> changeable(c) && when.test(c));
                if (target.isEmpty() && status == HearingStatus.HELD && at != null) {
                    // Held on a day the calendar did not know: the setting it took the place of, when one is
                    // pending from the weeks before (a reset the docket does not show).
                    target = nearest(
                            same,
                            at,
                            c -> changeable(c)
                                    && !c.scheduledAt().isAfter(at.plus(Duration.ofDays(1)))
                                    && !c.scheduledAt().isBefore(at.minus(HELD_WITHIN)));
                }
                if (target.isPresent()) {
                    hearings.close(h, target.get(), status, null, r.filingId(), notify, now);
                    return Optional.of(target.get().id());
                } else if (at != null
                        && same.stream()
                                .noneMatch(c -> c.scheduledAt().equals(at) || (editorOwned(c) && when.test(c)))) {
                    return Optional.of(
                            hearings.schedule(h, caseId, newHearing(d, at, status.wire(), r.filingId()), false, now));
                }
                return Optional.empty();
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** A hearing still on the calendar that an editor created or changed. */
    private static boolean editorOwned(HearingRow c) {
        return onCalendar(c) && ("editor".equals(c.origin()) || c.editorChangedAt() != null);
    }

    private static boolean onCalendar(HearingRow c) {
        return "scheduled".equals(c.status()) || "rescheduled".equals(c.status());
    }

    /** A docket hearing still on the calendar that no editor has changed. */
    private boolean changeable(HearingRow c) {
        return "docket".equals(c.origin()) && c.editorChangedAt() == null && onCalendar(c);
    }

    /** The same proceeding: the docket's names agree (one contains the other), or without a name the same kind. */
    private static boolean sameProceeding(HearingRow c, CourtDate d) {
        if (c.title() == null || d.title() == null) {
            return c.kind().equals(d.kind());
        }
        String a = core(c.title());
        String b = core(d.title());
        return !a.isEmpty() && !b.isEmpty() && (a.contains(b) || b.contains(a));
    }

    /**
     * A proceeding's name without the words dockets put before it as it moves along: an "Initial Case
     * Management Conference" continued is set again as the "Further" or plain one.
     */
    private static String core(String title) {
        return QUALIFIERS
                .matcher(normal(title))
                .replaceAll("")
                .replaceAll("\\s+", " ")
                .strip();
    }

    /** Deadlines match only by the same name: "brief" and "reply brief" are different things due. */
    private static boolean sameThingDue(HearingRow c, CourtDate d) {
        return c.title() != null && d.title() != null && normal(c.title()).equals(normal(d.title()));
    }

    private static Optional<HearingRow> nearest(List<HearingRow> rows, Instant at, Predicate<HearingRow> filter) {
        return rows.stream()
                .filter(filter)
                .min(Comparator.comparing((HearingRow c) ->
                                Duration.between(c.scheduledAt(), at).abs())
                        .thenComparing(HearingRow::id));
    }

    private static NewHearing newHearing(CourtDate d, Instant at, String status, long filingId) {
        return new NewHearing(
                d.kind(),
                at,
                cut(d.location()),
                null,
                status,
                "docket",
                filingId,
                cut(d.title()),
                d.time() != null,
                cut(d.judge()));
    }

    /** Docket text can run long where a name was expected; the calendar keeps a line's worth. */
    private static String cut(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 499) + "…";
    }

    private static String normal(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
