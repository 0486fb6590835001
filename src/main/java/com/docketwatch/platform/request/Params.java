package com.docketwatch.platform.request;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * How query parameters are read (by {@link ParamConverters}): a value that cannot be read is an
 * {@link InvalidValue}, which the parameter's mapper answers with a 400 naming the parameter.
 */
public final class Params {
    private static final Instant FIRST_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST_INSTANT = Instant.parse("+10000-01-01T00:00:00Z");

    private Params() {}

    /** Years the API takes: ISO-8601's four digits (PostgreSQL cannot store every year java.time can). */
    public static boolean supportedYear(int year) {
        return year >= 1 && year <= 9999;
    }

    /** From the start of the year 0001 to the end of 9999 (UTC). */
    public static boolean supportedInstant(Instant at) {
        return !at.isBefore(FIRST_INSTANT) && !at.isAfter(LAST_INSTANT);
    }

    public static LocalDate date(String raw) {
        LocalDate date;
        try {
            date = LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw new InvalidValue(raw, "must be a date such as 2024-08-05");
        }
        if (!supportedYear(date.getYear())) {
            throw new InvalidValue(raw, "must be a date from 0001-01-01 to 9999-12-31");
        }
        return date;
    }

    /**
     * An instant with an offset, or a date meaning its start (UTC); with {@code endOfDay} a date
     * means the start of the next day, so {@code to=2025-02-04} includes all of that day.
     */
    public static Instant instant(String raw, boolean endOfDay) {
        Instant at;
        try {
            at = OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException e) {
            LocalDate d;
            try {
                d = LocalDate.parse(raw);
            } catch (DateTimeParseException e2) {
                throw new InvalidValue(raw, "must be an instant such as 2025-02-04T10:00:00-08:00 or a date");
            }
            if (supportedYear(d.getYear())) {
                at = (endOfDay ? d.plusDays(1) : d).atStartOfDay().toInstant(ZoneOffset.UTC);
            } else {
                at = null;
            }
        }
        if (at == null || !supportedInstant(at)) {
            throw new InvalidValue(raw, "must be an instant from the year 0001 to 9999");
        }
        return at;
    }

    /** An ISO-8601 duration of zero or more ({@code PT30S}); its upper bound is the parameter's constraint. */
    public static Duration duration(String raw) {
        Duration d;
        try {
            d = Duration.parse(raw);
        } catch (DateTimeParseException e) {
            throw new InvalidValue(raw, "must be an ISO-8601 duration such as PT30S");
        }
        if (d.isNegative()) {
            throw new InvalidValue(raw, "must be an ISO-8601 duration of PT0S or more");
        }
        return d;
    }

    /** A count or position of zero or more, such as {@code ?after=0} (the start of the change feed). */
    public static Long whole(String raw) {
        if (raw.length() > 18 || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidValue(raw, "must be 0 or an id");
        }
        return Long.parseLong(raw);
    }
}
