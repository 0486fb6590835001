package com.docketwatch.ingest.rss;

import com.docketwatch.platform.request.Check;
import com.docketwatch.platform.request.NoNul;
import com.docketwatch.platform.request.Required;
import jakarta.validation.constraints.Size;

/** A CM/ECF RSS feed to follow; {@code track_all} also creates cases the feed names that are not tracked yet. */
public record CourtFeedRequest(
        @Required @Size(max = 2000, message = Check.AT_MOST) @NoNul
        String url,

        Boolean trackAll) {}
