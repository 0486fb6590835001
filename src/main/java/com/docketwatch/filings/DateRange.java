package com.docketwatch.filings;

import java.time.LocalDate;

/** Filing dates from {@code from} (inclusive) to {@code to} (exclusive); null: unbounded on that side. */
public record DateRange(LocalDate from, LocalDate to) {
    public static final DateRange ALL = new DateRange(null, null);

    /** The dates of both ranges, or null when they share none. */
    DateRange intersect(DateRange o) {
        LocalDate f = from == null ? o.from : o.from == null || from.isAfter(o.from) ? from : o.from;
        LocalDate t = to == null ? o.to : o.to == null || to.isBefore(o.to) ? to : o.to;
        return f != null && t != null && !f.isBefore(t) ? null : new DateRange(f, t);
    }
}
