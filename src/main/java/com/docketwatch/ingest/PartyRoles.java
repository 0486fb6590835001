package com.docketwatch.ingest;

import java.util.Locale;

/**
 * Maps a PACER party type ("Plaintiff", "Defendant - Appellant", "Amicus Curiae", "Intervenor -
 * Pending", "Petitioner", "Interested Party", ...) to a DocketWatch party role by its first word;
 * the type itself is kept with the party. docs/import.md lists the mapping.
 */
public final class PartyRoles {
    private PartyRoles() {}

    public static String of(String pacerType) {
        if (pacerType == null || pacerType.isBlank()) {
            return "third_party";
        }
        String t = pacerType.replace('\u00a0', ' ').strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("plaintiff")
                || t.startsWith("petitioner")
                || t.startsWith("appellant")
                || t.startsWith("claimant")
                || t.startsWith("relator")) {
            return "plaintiff";
        }
        if (t.startsWith("defendant") || t.startsWith("respondent") || t.startsWith("appellee")) {
            return "defendant";
        }
        if (t.startsWith("intervenor") || t.startsWith("intervener")) {
            return "intervenor";
        }
        if (t.startsWith("amicus") || t.startsWith("amici")) {
            return "amicus";
        }
        return "third_party";
    }
}
