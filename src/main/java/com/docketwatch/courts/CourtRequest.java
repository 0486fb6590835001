package com.docketwatch.courts;

import com.docketwatch.platform.request.Check;
import com.docketwatch.platform.request.NoNul;
import com.docketwatch.platform.request.Required;
import com.docketwatch.platform.request.TimeZoneId;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /courts}; {@code jurisdiction} is free text by contract (federal, state, ...). */
public record CourtRequest(
        @Required @Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,63}", message = ID)
        String id,

        @Required @Size(max = 300, message = Check.AT_MOST) @NoNul
        String name,

        @Required @Size(max = 100, message = Check.AT_MOST) @NoNul
        String jurisdiction,

        @Required @TimeZoneId String timezone) {
    static final String ID = "must be lower-case letters, digits, '-' or '_' (e.g. cand)";
}
