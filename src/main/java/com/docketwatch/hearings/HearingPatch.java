package com.docketwatch.hearings;

import com.docketwatch.platform.request.Check;
import com.docketwatch.platform.request.NoNul;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** Body of {@code PATCH /cases/{id}/hearings/{hearing_id}}: a reschedule, or a status of vacated or held. */
public record HearingPatch(
        OffsetDateTime scheduledAt,
        HearingStatus status,
        @Size(max = 5000, message = Check.AT_MOST) @NoNul String outcome) {}
