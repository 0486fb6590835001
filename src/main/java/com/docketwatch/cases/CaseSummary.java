package com.docketwatch.cases;

/** A case as lists show it. */
public record CaseSummary(
        String id,
        String court,
        String docketNumber,
        String caption,
        java.time.LocalDate filedOn,
        String judge,
        String natureOfSuit,
        String status,
        java.time.LocalDate statusSince,
        java.time.Instant createdAt,
        java.time.Instant updatedAt) {}
