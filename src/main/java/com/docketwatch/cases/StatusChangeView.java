package com.docketwatch.cases;

/** One change of a case's status. */
public record StatusChangeView(
        String id,
        String caseId,
        String fromStatus,
        String status,
        java.time.LocalDate effectiveOn,
        String reason,
        String filingId,
        Boolean withPrejudice,
        java.time.Instant createdAt) {}
