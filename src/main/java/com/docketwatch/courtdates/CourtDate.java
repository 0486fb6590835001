package com.docketwatch.courtdates;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;

/**
 * One court date a docket entry announces.
 *
 * @param type     hearing or deadline
 * @param action   what the entry does to it; deadlines are always {@link Action#DUE}
 * @param kind     DocketWatch's hearing kind ({@code hearing}, {@code motion_hearing}, {@code trial}, ...);
 *                 {@code deadline} for deadlines
 * @param title    the docket's own name for it, lowercase ("initial conference", "answer")
 * @param date     the date, or null when the entry states none (a hearing held or vacated without a date)
 * @param time     court-local time, or null
 * @param location the place as written, or null
 * @param judge    the judge as written, or null
 * @param start    start of the span of the text it was read from
 * @param end      end (exclusive) of that span
 */
public record CourtDate(
        Type type,
        Action action,
        String kind,
        String title,
        LocalDate date,
        LocalTime time,
        String location,
        String judge,
        int start,
        int end) {

    public enum Type {
        HEARING,
        DEADLINE;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return wire();
        }
    }

    public enum Action {
        SCHEDULED,
        RESCHEDULED,
        VACATED,
        HELD,
        DUE;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return wire();
        }
    }
}
