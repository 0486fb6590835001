package com.docketwatch.platform.web;

import com.docketwatch.platform.errors.ApiException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collection;

/** Query parameters: a malformed one is a 400 naming it. */
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

    public static LocalDate date(String name, String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(raw);
            if (!supportedYear(date.getYear())) {
                throw ApiException.badParameter(name, "must be a date from 0001-01-01 to 9999-12-31");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw ApiException.badParameter(name, "must be a date such as 2024-08-05");
        }
    }

    /**
     * An instant with an offset, or a date meaning its start (UTC); with {@code endOfDay} a date
     * means the start of the next day, so {@code to=2025-02-04} includes all of that day.
     */
    public static Instant instant(String name, String raw, boolean endOfDay) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException e) {
            try {
                LocalDate d = LocalDate.parse(raw);
                at = supportedYear(d.getYear()) ? (endOfDay ? d.plusDays(1) : d).atStartOfDay().toInstant(ZoneOffset.UTC) : null;
            } catch (DateTimeParseException e2) {
                throw ApiException.badParameter(name, "must be an instant such as 2025-02-04T10:00:00-08:00 or a date");
            }
        }
        if (at == null || !supportedInstant(at)) {
            throw ApiException.badParameter(name, "must be an instant from the year 0001 to 9999");
        }
        return at;
    }

    /** An ISO-8601 duration from zero to {@code max} ({@code PT30S}); absent: zero. */
    public static java.time.Duration duration(String name, String raw, java.time.Duration max) {
        if (raw == null || raw.isEmpty()) {
            return java.time.Duration.ZERO;
        }
        java.time.Duration d;
        try {
            d = java.time.Duration.parse(raw);
        } catch (DateTimeParseException e) {
            throw ApiException.badParameter(name, "must be an ISO-8601 duration such as PT30S");
        }
        if (d.isNegative() || d.compareTo(max) > 0) {
            throw ApiException.badParameter(name, "must be from PT0S to " + max);
        }
        return d;
    }

    public static String oneOf(String name, String raw, Collection<String> allowed) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        if (!allowed.contains(raw)) {
            throw ApiException.badParameter(name, "must be one of " + String.join(", ", allowed));
        }
        return raw;
    }

    public static Long id(String name, String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        return Ids.parse(raw).stream().boxed().findFirst()
                .orElseThrow(() -> ApiException.badParameter(name, "is not an id"));
    }

    public static String text(String name, String raw, int max) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (raw.length() > max) {
            throw ApiException.badParameter(name, "must be at most " + max + " characters");
        }
        if (raw.indexOf('\u0000') >= 0) {
            throw ApiException.badParameter(name, "must not contain NUL characters");
        }
        return raw.trim();
    }
}
