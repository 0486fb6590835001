package com.docketwatch.hearings;

/** One step in a hearing's life: scheduled, rescheduled (with the previous time), vacated or held. */
public record HearingHistoryView(
        String action,
        java.time.OffsetDateTime scheduledAt,
        java.time.OffsetDateTime previousScheduledAt,
        String outcome,
        java.time.Instant changedAt) {}
