package com.docketwatch.cases;

import com.docketwatch.platform.web.Check;
import com.docketwatch.platform.web.NoNul;
import com.docketwatch.platform.web.Required;
import jakarta.validation.constraints.Size;

/** One lawyer or firm representing a party. */
public record CounselRequest(
        @Required @Size(max = 500, message = Check.AT_MOST) @NoNul
        String name,

        @Size(max = 500, message = Check.AT_MOST) @NoNul String firm) {}
