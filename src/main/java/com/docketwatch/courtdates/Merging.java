package com.docketwatch.courtdates;

import com.docketwatch.courtdates.CourtDate.Action;
import com.docketwatch.courtdates.CourtDate.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One item per proceeding or thing due. An order's narrative and the clerk's tail after it name the same setting
 * twice ("THE COURT WILL HOLD A HEARING ON NOVEMBER 8, 2005" and "Hearing scheduled for 11/8/2005"); the later
 * mention, usually the clerk's, gives the title. A held or vacated item without a date joins a dated one of the same
 * proceeding, and an undated "hearing" held joins any proceeding held ("Sentencing ... held on 6/26/2017. ...
 * Hearing held 10:36 AM to 11:25 AM.").
 */
final class Merging {
    private record Bucket(Type type, LocalDate date) {}

    private Merging() {}

    static List<CourtDate> merge(List<CourtDate> items) {
        List<CourtDate> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingInt(CourtDate::start));
        List<CourtDate> kept = new ArrayList<>();
        Map<Bucket, List<Integer>> byDate = new HashMap<>();
        List<Integer> heldOrVacated = new ArrayList<>();
        for (CourtDate item : sorted) {
            List<Integer> candidates =
                    byDate.computeIfAbsent(new Bucket(item.type(), item.date()), bucket -> new ArrayList<>());
            int same = indexOfSame(kept, candidates, item);
            if (same < 0 && item.type() == Type.HEARING && !onCalendar(item.action())) {
                same = indexOfSame(kept, heldOrVacated, item);
            }
            if (same >= 0) {
                kept.set(same, combine(kept.get(same), item));
                continue;
            }
            candidates.add(kept.size());
            if (item.type() == Type.HEARING && !onCalendar(item.action())) {
                heldOrVacated.add(kept.size());
            }
            kept.add(item);
        }
        return kept;
    }

    private static int indexOfSame(List<CourtDate> kept, List<Integer> candidates, CourtDate item) {
        for (int i : candidates) {
            if (same(kept.get(i), item)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean same(CourtDate a, CourtDate b) {
        if (a.type() != b.type()) {
            return false;
        }
        if (a.type() == Type.DEADLINE) {
            return Objects.equals(a.date(), b.date())
                    && (titlesOverlap(a.title(), b.title()) || family(a.title()).equals(family(b.title())));
        }
        if (onCalendar(a.action()) != onCalendar(b.action()) || !onCalendar(a.action()) && a.action() != b.action()) {
            return false;
        }
        if (!onCalendar(a.action()) && (a.date() == null || b.date() == null || a.action() == Action.HELD)) {
            boolean undatedHearing = a.date() == null && a.title().equals("hearing")
                    || b.date() == null && b.title().equals("hearing");
            return (undatedHearing || titlesOverlap(a.title(), b.title()))
                    && (a.date() == null || b.date() == null || a.date().equals(b.date()));
        }
        return Objects.equals(a.date(), b.date())
                && (a.time() == null || b.time() == null || a.time().equals(b.time()));
    }

    private static CourtDate combine(CourtDate first, CourtDate later) {
        Action action = first.action() == Action.RESCHEDULED || later.action() == Action.RESCHEDULED
                ? Action.RESCHEDULED
                : later.action();
        CourtDate dated = later.date() != null ? later : first;
        return new CourtDate(
                later.type(),
                action,
                later.kind(),
                later.title(),
                dated.date(),
                later.time() != null ? later.time() : first.time(),
                later.location() != null ? later.location() : first.location(),
                later.judge() != null ? later.judge() : first.judge(),
                Math.min(first.start(), later.start()),
                Math.max(first.end(), later.end()));
    }

    private static boolean onCalendar(Action action) {
        return action == Action.SCHEDULED || action == Action.RESCHEDULED;
    }

    private static boolean titlesOverlap(String a, String b) {
        return a.contains(b) || b.contains(a) || a.equals("deadline") || b.equals("deadline");
    }

    /** Oppositions and responses are the same papers under two names. */
    private static String family(String title) {
        return title.matches(".*\\b(?:respons|opposition|objection)\\w*.*") ? "responses" : title;
    }
}
