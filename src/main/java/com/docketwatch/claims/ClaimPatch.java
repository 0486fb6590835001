package com.docketwatch.claims;

import com.docketwatch.platform.request.Check;
import com.docketwatch.platform.request.Ids;
import com.docketwatch.platform.request.NoNul;
import com.docketwatch.platform.request.Required;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code PATCH /cases/{id}/claims/{claim_id}}: a status change. */
public record ClaimPatch(
        @Required ClaimStatus status,
        @Size(max = 5000, message = Check.AT_MOST) @NoNul String reason,

        @Pattern(regexp = Ids.PATTERN, message = "is not a filing id")
        String filingId) {}
