package com.docketwatch.platform.web;

import java.util.List;
import java.util.Map;

/** The closed vocabularies of the API contract. */
public final class Vocabulary {
    public static final List<String> ROLES = List.of("admin", "editor", "reporter");
    public static final List<String> JURISDICTIONS = List.of("federal", "state", "local", "tribal", "international", "other");
    public static final List<String> PARTY_ROLES = List.of("plaintiff", "defendant", "intervenor", "amicus", "third_party");
    public static final List<String> FILING_KINDS = List.of("complaint", "amended_complaint", "answer", "motion",
            "opposition", "reply", "order", "notice", "stipulation", "judgment", "transcript", "other");
    public static final List<String> CLAIM_STATUSES = List.of("pending", "dismissed", "dismissed_with_prejudice",
            "withdrawn", "survived", "settled", "judgment_for_plaintiff", "judgment_for_defendant");
    public static final List<String> HEARING_KINDS = List.of("hearing", "motion_hearing", "case_management_conference",
            "status_conference", "pretrial_conference", "trial", "sentencing", "deadline", "other");
    public static final List<String> HEARING_STATUSES = List.of("scheduled", "rescheduled", "vacated", "held");
    public static final List<String> RELATIONS = List.of("refiled_as", "refiled_from", "removed_to", "remanded_from",
            "appeal_of", "consolidated_with");

    /** How a relation reads from the other case's side. */
    public static final Map<String, String> INVERSE_RELATION = Map.of(
            "refiled_as", "refiled_from",
            "refiled_from", "refiled_as",
            "removed_to", "removed_from",
            "remanded_from", "remanded_to",
            "appeal_of", "appealed_in",
            "consolidated_with", "consolidated_with");

    private Vocabulary() {}
}
