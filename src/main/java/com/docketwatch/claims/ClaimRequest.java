package com.docketwatch.claims;

import com.docketwatch.platform.request.Check;
import com.docketwatch.platform.request.Ids;
import com.docketwatch.platform.request.NoNul;
import com.docketwatch.platform.request.Required;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /cases/{id}/claims}. At most 1,000 parties in {@code against}: each id becomes a
 * parameter of one statement, and the PostgreSQL driver takes at most 65,535.
 */
public record ClaimRequest(
        @Required @Size(max = 1000, message = Check.AT_MOST) @NoNul
        String title,

        @Size(max = 500, message = Check.AT_MOST) @NoNul String statute,

        @Size(max = 1000, message = "must name at most {max} parties")
        List<@NotNull(message = PARTY_ID) @Pattern(regexp = Ids.PATTERN, message = PARTY_ID) String> against,

        ClaimStatus status) {
    static final String PARTY_ID = "is not a party id";
}
