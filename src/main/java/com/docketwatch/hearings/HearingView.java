package com.docketwatch.hearings;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A hearing or deadline; times are given in the court's time zone. {@code origin} says who put it on
 * the calendar: an editor, or a docket entry ({@code source_filing_id}) whose text announced it, with
 * the docket's own {@code title} for it. Without a known time of day ({@code time_known} false) it
 * starts at the beginning of its day in the court's zone and is an all-day event in calendars.
 */
public record HearingView(
        String id,
        String caseId,
        String kind,
        OffsetDateTime scheduledAt,
        String timezone,
        String location,
        String description,
        String status,
        String outcome,
        String origin,
        String sourceFilingId,
        String title,
        boolean timeKnown,
        String judge,
        List<HearingHistoryView> history,
        Instant createdAt,
        Instant updatedAt) {
    public HearingView {
        history = history == null ? List.of() : List.copyOf(history);
    }
}
