package com.docketwatch.cases;

/** Body of {@code POST /cases/{id}/status-changes}. */
public record StatusChangeRequest(String status, java.time.LocalDate effectiveOn, String reason, String filingId, Boolean withPrejudice) {
}
