package com.docketwatch.alerts;

import com.docketwatch.platform.request.Required;
import java.time.Instant;

/** Body of {@code POST /subscriptions/{id}/replay}: every delivery queued at or after {@code since}, again. */
public record ReplayRequest(@Required Instant since) {}
