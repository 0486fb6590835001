package com.docketwatch.cases;

import com.docketwatch.platform.request.Check;
import com.docketwatch.platform.request.NoNul;
import com.docketwatch.platform.request.Required;
import jakarta.validation.constraints.Size;

/** One lawyer or firm representing a party. */
public record CounselRequest(
        @Required @Size(max = 500, message = Check.AT_MOST) @NoNul
        String name,

        @Size(max = 500, message = Check.AT_MOST) @NoNul String firm) {}
