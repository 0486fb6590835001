package com.docketwatch.ingest;

import java.util.List;

/** What one docket import did: counts of rows created, updated and left unchanged, and entries skipped. */
public record ImportSummary(
        String court,
        String caseId,
        String docketNumber,
        ImportCounts created,
        ImportCounts updated,
        ImportCounts unchanged,
        List<Skipped> skipped,
        int events) {
    public ImportSummary {
        skipped = List.copyOf(skipped);
    }

    /** An entry that was not imported: {@code entry} names it ({@code docket_entries[12]}), {@code reason} says why. */
    public record Skipped(String entry, String reason) {}
}
