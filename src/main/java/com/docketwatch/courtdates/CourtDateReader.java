package com.docketwatch.courtdates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the hearings and deadlines a PACER / CM-ECF docket entry announces: the dates it sets, notices, moves,
 * cancels, confirms or records as held. Dates the entry only refers to (filed, signed, served, quoted from another
 * entry, asked for in a motion, recalled from a past hearing) are left out.
 *
 * <p>Immutable and thread-safe; construct once. Reading is linear in the length of the text.
 */
public final class CourtDateReader {

    /**
     * @param text      the docket text (description, optionally followed by " || " and the short description)
     * @param entryDate the entry's filing date; two-digit years are read in the century nearest to it (may be null)
     * @return the announced court dates in text order; empty when there are none
     */
    public List<CourtDate> read(String text, LocalDate entryDate) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Entry entry = new Entry(text, entryDate);
        List<CourtDate> hearings = Hearings.read(entry);
        List<CourtDate> found = new ArrayList<>(hearings);
        found.addAll(FrontedSettings.read(entry));
        found.addAll(Held.read(entry));
        found.addAll(Cancellations.read(entry, !hearings.isEmpty()));
        found.addAll(Deadlines.read(entry));
        return List.copyOf(Merging.merge(found));
    }
}
