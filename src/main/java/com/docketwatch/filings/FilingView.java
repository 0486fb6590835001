package com.docketwatch.filings;

/** A docket entry. */
public record FilingView(
        String id,
        String caseId,
        Integer entryNumber,
        java.time.LocalDate filedOn,
        String kind,
        String title,
        String description,
        String filedBy,
        String documentUrl,
        java.time.Instant createdAt) {}
