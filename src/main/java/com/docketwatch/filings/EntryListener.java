package com.docketwatch.filings;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * What else happens when docket entries arrive (an editor's filing, an import, a court feed), inside
 * the transaction that stores them: their text is read for court dates.
 */
@FunctionalInterface
public interface EntryListener {
    EntryListener NONE = (h, caseId, entries, now) -> {};

    /** {@code entries} are new entries of one case, oldest first. */
    void arrived(Handle h, long caseId, List<FilingView> entries, Instant now);
}
