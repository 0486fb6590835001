package com.docketwatch.courtdates;

import com.docketwatch.courtdates.CourtDate.Action;
import com.docketwatch.courtdates.CourtDate.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One item per proceeding or thing due. An order's narrative and the clerk's tail after it name the same setting
 * twice ("THE COURT WILL HOLD A HEARING ON NOVEMBER 8, 2005" and "Hearing scheduled for 11/8/2005"); the later
 * mention, usually the clerk's, gives the title.
 */
final class Merging {
    private Merging() {}

    static List<CourtDate> merge(List<CourtDate> items) {
        List<CourtDate> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingInt(CourtDate::start));
        List<CourtDate> kept = new ArrayList<>();
        for (CourtDate item : sorted) {
            int same = indexOfSame(kept, item);
            if (same < 0) {
                kept.add(item);
            } else {
                kept.set(same, combine(kept.get(same), item));
            }
        }
        return kept;
    }

    private static int indexOfSame(List<CourtDate> kept, CourtDate item) {
        for (int i = 0; i < kept.size(); i++) {
            if (same(kept.get(i), item)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean same(CourtDate a, CourtDate b) {
        if (a.type() == Type.HEARING && a.action() == b.action() && a.action() != Action.SCHEDULED
                && a.action() != Action.RESCHEDULED && (a.date() == null || b.date() == null)) {
            return titlesOverlap(a.title(), b.title());
        }
        if (a.type() != b.type() || !Objects.equals(a.date(), b.date())) {
            return false;
        }
        if (a.type() == Type.HEARING && a.action() == Action.HELD) {
            return titlesOverlap(a.title(), b.title());
        }
        if (a.type() == Type.DEADLINE) {
            return titlesOverlap(a.title(), b.title()) || family(a.title()).equals(family(b.title()));
        }
        if (onCalendar(a.action()) != onCalendar(b.action())
                || !onCalendar(a.action()) && a.action() != b.action()) {
            return false;
        }
        return a.time() == null || b.time() == null || a.time().equals(b.time());
    }

    private static CourtDate combine(CourtDate first, CourtDate later) {
        Action action = first.action() == Action.RESCHEDULED || later.action() == Action.RESCHEDULED
                ? Action.RESCHEDULED : later.action();
        CourtDate dated = later.date() != null ? later : first;
        return new CourtDate(later.type(), action, later.kind(), later.title(), dated.date(),
                later.time() != null ? later.time() : first.time(),
                later.location() != null ? later.location() : first.location(),
                later.judge() != null ? later.judge() : first.judge(),
                Math.min(first.start(), later.start()), Math.max(first.end(), later.end()));
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
