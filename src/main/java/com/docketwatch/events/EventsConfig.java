package com.docketwatch.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Min;

/** Long polls of the change feed ({@code GET /events?wait=}). */
public class EventsConfig {
    /** Long polls one API key (or feed token) may have waiting at once on an instance; more are 429. */
    @Min(1)
    private int maxWaitersPerKey = 10;

    @JsonProperty
    public int getMaxWaitersPerKey() {
        return maxWaitersPerKey;
    }

    @JsonProperty
    public void setMaxWaitersPerKey(int maxWaitersPerKey) {
        this.maxWaitersPerKey = maxWaitersPerKey;
    }
}
