package com.docketwatch.timeline;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * A step in a hearing's life on the timeline; times in the court's time zone. {@code source_filing_id}
 * is the docket entry whose text set, moved, vacated or recorded it (null for an editor's step).
 */
public record TimelineHearingEvent(
        String hearingId,
        String kind,
        String action,
        OffsetDateTime scheduledAt,
        OffsetDateTime previousScheduledAt,
        String location,
        String outcome,
        Instant changedAt,
        String title,
        String sourceFilingId) {
    public TimelineHearingEvent in(ZoneId zone) {
        return new TimelineHearingEvent(
                hearingId,
                kind,
                action,
                local(scheduledAt, zone),
                local(previousScheduledAt, zone),
                location,
                outcome,
                changedAt,
                title,
                sourceFilingId);
    }

    private static OffsetDateTime local(OffsetDateTime t, ZoneId zone) {
        return t == null ? null : t.atZoneSameInstant(zone).toOffsetDateTime();
    }
}
