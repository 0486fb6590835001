package com.docketwatch.hearings;

import com.docketwatch.platform.request.Check;
import com.docketwatch.platform.request.NoNul;
import com.docketwatch.platform.request.Required;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** Body of {@code POST /cases/{id}/hearings}. */
public record HearingRequest(
        @Required HearingKind kind,
        @Required OffsetDateTime scheduledAt,
        @Size(max = 500, message = Check.AT_MOST) @NoNul String location,
        @Size(max = 5000, message = Check.AT_MOST) @NoNul String description) {}
