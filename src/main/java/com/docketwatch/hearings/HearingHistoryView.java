package com.docketwatch.hearings;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One step in a hearing's life: scheduled, rescheduled (with the previous time), vacated or held; with
 * the docket entry whose text made the step, when one did.
 */
public record HearingHistoryView(
        String action,
        OffsetDateTime scheduledAt,
        OffsetDateTime previousScheduledAt,
        String outcome,
        Instant changedAt,
        String sourceFilingId) {}
