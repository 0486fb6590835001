package com.docketwatch.outputs;

import com.docketwatch.platform.request.Check;
import com.docketwatch.platform.request.NoNul;
import com.docketwatch.platform.request.Required;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /feed-tokens}: a label, so its owner knows which calendar or reader uses it. */
public record FeedTokenRequest(
        @Required @Size(max = 200, message = Check.AT_MOST) @NoNul
        String name) {}
