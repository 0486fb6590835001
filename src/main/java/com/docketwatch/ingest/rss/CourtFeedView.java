package com.docketwatch.ingest.rss;

import java.time.Instant;

/** A followed feed and how its polling goes. */
public record CourtFeedView(
        String id,
        String court,
        String url,
        boolean trackAll,
        Instant lastPollAt,
        Instant lastSuccessAt,
        Integer lastStatus,
        String lastError,
        Integer lastNewFilings,
        int consecutiveFailures,
        Instant nextPollAt,
        Instant createdAt) {}
