package com.docketwatch.ingest.rss;

/** A CM/ECF RSS feed to follow; {@code track_all} also creates cases the feed names that are not tracked yet. */
public record CourtFeedRequest(String url, Boolean trackAll) {
}
