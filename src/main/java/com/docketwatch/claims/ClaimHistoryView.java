package com.docketwatch.claims;

/** One status a claim had, with why and when. */
public record ClaimHistoryView(
        String fromStatus, String status, String reason, String filingId, java.time.Instant changedAt) {}
