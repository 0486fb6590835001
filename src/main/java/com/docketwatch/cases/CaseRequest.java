package com.docketwatch.cases;

import com.docketwatch.platform.request.Check;
import com.docketwatch.platform.request.NoNul;
import com.docketwatch.platform.request.Required;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Body of {@code POST /cases}. */
public record CaseRequest(
        @Required @Size(max = 64, message = Check.AT_MOST) @NoNul
        String court,

        @Required @Size(max = 100, message = Check.AT_MOST) @NoNul
        String docketNumber,

        @Required @Size(max = 1000, message = Check.AT_MOST) @NoNul
        String caption,

        @Required LocalDate filedOn,
        @Size(max = 300, message = Check.AT_MOST) @NoNul String judge,
        @Size(max = 300, message = Check.AT_MOST) @NoNul String natureOfSuit,
        CaseStatus status) {}
