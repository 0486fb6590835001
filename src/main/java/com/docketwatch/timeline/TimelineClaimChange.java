package com.docketwatch.timeline;

import java.time.Instant;

/** A claim's status change on the timeline ({@code from_status} null: the claim was added). */
public record TimelineClaimChange(
        String claimId,
        String title,
        String fromStatus,
        String status,
        String reason,
        String filingId,
        Instant changedAt) {}
