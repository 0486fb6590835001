package com.docketwatch.reminders;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reminder lead time. Days are calendar days in the court's time zone ({@code P1D} before a 09:00
 * hearing is 09:00 local the day before, across a DST change too); hours, minutes and seconds are
 * exact durations ({@code PT24H} is 24 hours earlier, whatever the clocks did).
 */
public record LeadTime(String text, int days, Duration exact) {
    private static final Pattern SHAPE = Pattern.compile("P(?:(\\d{1,3})D)?(?:T(.+))?", Pattern.CASE_INSENSITIVE);

    /**
     * The longest lead time {@link #parse} reads: what subscriptions could ask for before the limits of
     * {@link #requested} (their stored lead times keep working).
     */
    public static final Duration LONGEST = Duration.ofDays(366);

    /** The shortest lead time a new subscription may ask for. */
    public static final Duration SHORTEST_REQUESTED = Duration.ofMinutes(1);

    /** The longest lead time a new subscription may ask for. */
    public static final Duration LONGEST_REQUESTED = Duration.ofDays(60);

    /** Parses {@code PnD}, {@code PTnHnMnS} or both; anything else (weeks, months, negatives) is refused. */
    public static LeadTime parse(String text) {
        return parse(text, LONGEST, "P366D");
    }

    /**
     * A lead time a new subscription asks for: {@link #parse}d, and from {@code PT1M} to {@code P60D}
     * (each lead time is a reminder row per covered hearing, planned in editors' transactions).
     */
    public static LeadTime requested(String text) {
        LeadTime lead = parse(text, LONGEST_REQUESTED, "P60D");
        if (lead.approximate().compareTo(SHORTEST_REQUESTED) < 0) {
            throw new IllegalArgumentException(text + " must be at least PT1M");
        }
        return lead;
    }

    private static LeadTime parse(String text, Duration longest, String longestText) {
        Matcher m = text == null ? null : SHAPE.matcher(text.trim());
        if (m == null || !m.matches() || (m.group(1) == null && m.group(2) == null)) {
            throw new IllegalArgumentException(text + " is not a lead time such as P7D, PT24H or P1DT2H");
        }
        int days = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
        Duration exact = m.group(2) == null ? Duration.ZERO : Duration.parse("PT" + m.group(2));
        if (exact.isNegative() || (days == 0 && exact.isZero())) {
            throw new IllegalArgumentException(text + " must be a positive lead time");
        }
        // Bounded before any arithmetic: "PT9223372036854775807S" parses, and adding days to it overflows.
        if (exact.compareTo(longest) > 0 || Duration.ofDays(days).plus(exact).compareTo(longest) > 0) {
            throw new IllegalArgumentException(text + " must be at most " + longestText);
        }
        return new LeadTime(text, days, exact);
    }

    /** When the reminder for a hearing at {@code hearing} in {@code zone} is due. */
    public Instant before(Instant hearing, ZoneId zone) {
        return hearing.atZone(zone).minusDays(days).toInstant().minus(exact);
    }

    /** An upper bound of the lead, for validation. */
    public Duration approximate() {
        return Duration.ofDays(days).plus(exact);
    }
}
