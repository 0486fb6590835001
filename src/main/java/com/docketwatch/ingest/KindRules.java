package com.docketwatch.ingest;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Infers a filing's kind from its docket text. CM/ECF docket text starts with the event's name in
 * capitals ("MOTION to Dismiss", "ORDER granting ...", "Filed (ECF) notice of appearance ..."), and
 * RECAP and RSS entries carry that name as a short description ("Order on Motion to Dismiss"). The
 * rules look at that head, first match wins (the order matters: "ORDER granting MOTION" is an order,
 * "RESPONSE in Opposition to MOTION" an opposition). docs/import.md lists them.
 */
public final class KindRules {
    /** A kind and the pattern its head must match. */
    record Rule(String kind, Pattern head) {}

    /** Appellate and clerk prefixes that say how an entry arrived, not what it is. */
    private static final Pattern PREFIX = Pattern.compile(
            "^(?:(?:FILED|SUBMITTED|RECEIVED|ENTERED|DOCKETED|\\*+|-+|\\[\\d+\\])\\s*(?:\\((?:ECF|PAPER|MAIL)\\))?\\s*(?:[:\\-]\\s*)?)+");
    /** Words that, before "ORDER", make the entry a request for an order rather than the order itself. */
    private static final String NOT_BEFORE_ORDER =
            "MOTION|NOTICE|PROPOSED|RESPONSE|REPLY|OPPOSITION|OBJECTION|APPLICATION"
                    + "|REQUEST|BRIEF|DECLARATION|EXHIBIT|LETTER|AFFIDAVIT|CERTIFICATE|PETITION|MEMORANDUM";

    private static final String FIRST_WORDS =
            "^(?:[A-Z0-9'&.,\\-]+\\s+){0,6}?"; // a few leading words, e.g. party names

    static final List<Rule> RULES = List.of(
            rule("transcript", "^(?:OFFICIAL |CERTIFIED |REDACTED )?TRANSCRIPT\\b"),
            rule(
                    "amended_complaint",
                    "^(?:FIRST |SECOND |THIRD |FOURTH |FIFTH |CORRECTED |VERIFIED |CONSOLIDATED )*AMENDED (?:CLASS ACTION |VERIFIED |SHAREHOLDER DERIVATIVE )?COMPLAINT"),
            rule("complaint", "^(?:VERIFIED |CLASS ACTION |SHAREHOLDER DERIVATIVE |CIVIL )*COMPLAINT\\b"),
            rule("stipulation", "^(?:JOINT )?(?:STIPULATION\\b|STIPULATED\\b(?!(?: [A-Z]+){0,3} ORDERS?\\b))"),
            rule("answer", "^(?:AMENDED )?ANSWER(?:S)? (?:TO|AND|OF|BY)\\b|^ANSWER$|^ANSWER\\b(?! BRIEF)"),
            rule(
                    "opposition",
                    "^(?:[A-Z'\\-]+ ){0,4}?(?:RESPONSE|MEMORANDUM|BRIEF|OPPOSITION|OBJECTION)S?\\b.{0,80}?\\bIN OPPOSITION\\b"
                            + "|^OPPOSITION\\b|^(?:RESPONSE|OBJECTION)S?\\b"),
            rule("reply", "^REPLY\\b|^(?:[A-Z'\\-]+ ){0,4}?REPLY (?:BRIEF|MEMORANDUM|IN SUPPORT)"),
            rule("judgment", "^(?:CLERK'?S |FINAL |DEFAULT |AMENDED |PARTIAL |CONSENT )*JUDGMENT\\b(?! ON)"),
            rule(
                    "order",
                    "^(?:(?!" + NOT_BEFORE_ORDER
                            + ")[A-Z'()]+[\\s\\-]+){0,5}?ORDERS?\\b|^MEMORANDUM (?:AND|&) (?:ORDER|OPINION)\\b"
                            + "|^MEMORANDUM OPINION\\b|^(?:PUBLISHED |UNPUBLISHED )?OPINION\\b|^MANDATE\\b|^MINUTE ENTRY\\b"
                            + "|^REPORT AND RECOMMENDATION|^FINDINGS OF FACT"),
            rule(
                    "motion",
                    "^(?:JOINT |EMERGENCY |EX PARTE |EX-PARTE |ADMINISTRATIVE |UNOPPOSED |CONSENT |RENEWED |STIPULATED |CROSS[ -])*"
                            + "(?:MOTION|APPLICATION|PETITION|REQUEST)\\b|" + FIRST_WORDS + "MOTION\\b"),
            rule(
                    "notice",
                    "^(?:CLERK'?S )?NOTICE\\b|^(?:CERTIFICATE|CERTIFICATION) OF (?:SERVICE|INTEREST|COUNSEL)|^SUMMONS\\b"
                            + "|^APPEARANCE\\b|^CORPORATE DISCLOSURE|^DISCLOSURE STATEMENT"));

    private KindRules() {}

    private static Rule rule(String kind, String regex) {
        return new Rule(kind, Pattern.compile(regex));
    }

    /**
     * The kind of an entry: the short description (the event name) decides when it names a kind;
     * otherwise the head of the docket text; {@code other} when nothing matches.
     */
    public static String kindOf(String shortDescription, String description) {
        if (shortDescription != null) {
            // RSS joins the events of one entry with " AND " ("1 - Terminate Deadlines AND Scheduling Order").
            for (String part : shortDescription.split(" AND ")) {
                String kind = match(part);
                if (kind != null) {
                    return kind;
                }
            }
        }
        return fallback(match(description));
    }

    static String match(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String head = head(text);
        for (Rule r : RULES) {
            if (r.head().matcher(head).find()) {
                return r.kind();
            }
        }
        return null;
    }

    /** The upper-cased start of the text, without arrival prefixes, whitespace collapsed. */
    static String head(String text) {
        String t = text.length() > 400 ? text.substring(0, 400) : text; // the head is all the rules read
        t = t.strip().replace('\u00a0', ' ').replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        t = PREFIX.matcher(t).replaceFirst("");
        return t.length() > 200 ? t.substring(0, 200) : t;
    }

    private static String fallback(String kind) {
        return kind == null ? "other" : kind;
    }
}
