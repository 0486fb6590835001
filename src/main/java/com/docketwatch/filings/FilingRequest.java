package com.docketwatch.filings;

import com.docketwatch.platform.request.Check;
import com.docketwatch.platform.request.HttpUrl;
import com.docketwatch.platform.request.Ids;
import com.docketwatch.platform.request.NoNul;
import com.docketwatch.platform.request.Required;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Body of {@code POST /cases/{id}/filings}. */
public record FilingRequest(
        @Positive(message = "must be a positive integer") Integer entryNumber,
        @Required LocalDate filedOn,
        @Required FilingKind kind,

        @Required @Size(max = 2000, message = Check.AT_MOST) @NoNul
        String title,

        @Size(max = 100_000, message = Check.AT_MOST) @NoNul String description,

        @Pattern(regexp = Ids.PATTERN, message = "is not a party id")
        String filedBy,

        @HttpUrl String documentUrl) {}
