package com.docketwatch.dockettext;

import com.docketwatch.platform.request.Check;
import com.docketwatch.platform.request.Required;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * Body of {@code POST /docket-text/dates}: a docket entry's text, its court (for the time zone) and the
 * date it was entered (two-digit years and weekday-less dates are read near it).
 */
public record DocketTextRequest(
        @Required @Size(max = 64, message = Check.AT_MOST) String court,
        @Required LocalDate entryDate,
        @NotNull(message = "is required") String text) {}
