package com.docketwatch.dockettext;

import com.docketwatch.courtdates.CourtDate;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A court date read from docket text, as the preview answers it: {@code time} is court-local
 * ({@code HH:MM}); {@code starts_at} is that moment with the court's offset, null unless both the date
 * and the time are known.
 */
public record CourtDateView(
        String type,
        String action,
        String kind,
        String title,
        LocalDate date,
        String time,
        OffsetDateTime startsAt,
        String location,
        String judge) {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    static CourtDateView of(CourtDate d, ZoneId zone) {
        OffsetDateTime startsAt = d.date() == null || d.time() == null
                ? null
                : d.date().atTime(d.time()).atZone(zone).toOffsetDateTime();
        return new CourtDateView(
                d.type().wire(),
                d.action().wire(),
                d.kind(),
                d.title(),
                d.date(),
                d.time() == null ? null : d.time().format(HH_MM),
                startsAt,
                d.location(),
                d.judge());
    }
}
