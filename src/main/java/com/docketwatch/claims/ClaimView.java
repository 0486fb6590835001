package com.docketwatch.claims;

/** A claim (cause of action) with its status history, oldest first. */
public record ClaimView(
        String id,
        String caseId,
        String title,
        String statute,
        java.util.List<String> against,
        String status,
        java.util.List<ClaimHistoryView> history,
        java.time.Instant createdAt,
        java.time.Instant updatedAt) {
    public ClaimView {
        against = against == null ? java.util.List.of() : java.util.List.copyOf(against);
        history = history == null ? java.util.List.of() : java.util.List.copyOf(history);
    }
}
