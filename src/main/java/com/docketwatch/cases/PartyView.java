package com.docketwatch.cases;

/** A party with its counsel. */
public record PartyView(
        String id,
        String caseId,
        String name,
        String role,
        java.util.List<CounselView> counsel,
        java.time.Instant createdAt) {
    public PartyView {
        counsel = counsel == null ? java.util.List.of() : java.util.List.copyOf(counsel);
    }
}
