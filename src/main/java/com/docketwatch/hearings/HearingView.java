package com.docketwatch.hearings;

/** A hearing or deadline; times are given in the court's time zone. */
public record HearingView(
        String id,
        String caseId,
        String kind,
        java.time.OffsetDateTime scheduledAt,
        String timezone,
        String location,
        String description,
        String status,
        String outcome,
        java.util.List<HearingHistoryView> history,
        java.time.Instant createdAt,
        java.time.Instant updatedAt) {
    public HearingView {
        history = history == null ? java.util.List.of() : java.util.List.copyOf(history);
    }
}
