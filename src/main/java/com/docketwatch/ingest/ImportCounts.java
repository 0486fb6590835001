package com.docketwatch.ingest;

/** Row counts of an import, by kind. */
public record ImportCounts(int courts, int cases, int parties, int counsel, int filings, int statusChanges) {
    public static final ImportCounts NONE = new ImportCounts(0, 0, 0, 0, 0, 0);
}
