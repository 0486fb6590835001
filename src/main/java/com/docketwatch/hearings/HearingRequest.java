package com.docketwatch.hearings;

/** Body of {@code POST /cases/{id}/hearings}. */
public record HearingRequest(String kind, java.time.OffsetDateTime scheduledAt, String location, String description) {
}
