package com.docketwatch.cases;

import com.docketwatch.platform.request.Check;
import com.docketwatch.platform.request.Ids;
import com.docketwatch.platform.request.NoNul;
import com.docketwatch.platform.request.Required;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Body of {@code POST /cases/{id}/status-changes}. */
public record StatusChangeRequest(
        @Required CaseStatus status,
        @Required LocalDate effectiveOn,
        @Size(max = 5000, message = Check.AT_MOST) @NoNul String reason,

        @Pattern(regexp = Ids.PATTERN, message = "is not a filing id")
        String filingId,

        Boolean withPrejudice) {}
