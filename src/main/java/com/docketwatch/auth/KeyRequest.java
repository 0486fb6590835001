package com.docketwatch.auth;

import com.docketwatch.platform.request.Check;
import com.docketwatch.platform.request.NoNul;
import com.docketwatch.platform.request.Required;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /keys}. */
public record KeyRequest(
        @Required @Size(max = 200, message = Check.AT_MOST) @NoNul
        String name,

        @Required Role role) {}
