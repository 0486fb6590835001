package com.docketwatch.outputs;

import com.docketwatch.platform.web.Check;
import com.docketwatch.platform.web.NoNul;
import com.docketwatch.platform.web.Required;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /feed-tokens}: a label, so its owner knows which calendar or reader uses it. */
public record FeedTokenRequest(
        @Required @Size(max = 200, message = Check.AT_MOST) @NoNul
        String name) {}
