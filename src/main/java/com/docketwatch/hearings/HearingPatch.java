package com.docketwatch.hearings;

/** Body of {@code PATCH /cases/{id}/hearings/{hearing_id}}: a reschedule, or a status of vacated or held. */
public record HearingPatch(java.time.OffsetDateTime scheduledAt, String status, String outcome) {
}
