package com.docketwatch.claims;

/** Body of {@code PATCH /cases/{id}/claims/{claim_id}}: a status change. */
public record ClaimPatch(String status, String reason, String filingId) {
}
