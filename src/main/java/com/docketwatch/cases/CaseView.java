package com.docketwatch.cases;

import com.docketwatch.claims.ClaimView;
import com.docketwatch.hearings.HearingView;

/** A case with its parties, claims, next hearing and related cases. */
public record CaseView(
        String id,
        String court,
        String docketNumber,
        String caption,
        java.time.LocalDate filedOn,
        String judge,
        String natureOfSuit,
        String status,
        java.time.LocalDate statusSince,
        java.util.List<PartyView> parties,
        java.util.List<ClaimView> claims,
        HearingView nextHearing,
        java.util.List<RelatedCaseView> relatedCases,
        java.time.Instant createdAt,
        java.time.Instant updatedAt) {
    public CaseView {
        parties = parties == null ? java.util.List.of() : java.util.List.copyOf(parties);
        claims = claims == null ? java.util.List.of() : java.util.List.copyOf(claims);
        relatedCases = relatedCases == null ? java.util.List.of() : java.util.List.copyOf(relatedCases);
    }
}
