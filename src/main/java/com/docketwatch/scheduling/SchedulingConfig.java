package com.docketwatch.scheduling;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The Quartz scheduler's settings ({@code scheduling:} in config.yml). */
public class SchedulingConfig {
    /** Threads running jobs on this instance: the reminder sweep, digests, court-feed polls, maintenance. */
    @JsonProperty
    @Min(1)
    @Max(64)
    private int threads = 4;

    public int getThreads() {
        return threads;
    }
}
