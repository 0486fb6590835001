package com.docketwatch.reminders;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/** Hearing reminders ({@code reminders:} in config.yml). */
public class RemindersConfig {
    /** A reminder sent later than this after its due instant (after downtime) is marked {@code "late": true}. */
    @JsonProperty
    @NotNull
    private Duration lateAfter = Duration.ofSeconds(30);

    /** Due reminders claimed per statement by the sweep (it repeats until none are left). */
    @JsonProperty
    @Min(1)
    private int batchSize = 1000;

    /** How often the clustered sweep looks for due reminders. */
    @JsonProperty
    @NotNull
    private Duration sweepInterval = Duration.ofSeconds(1);

    public Duration getLateAfter() {
        return lateAfter;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public Duration getSweepInterval() {
        return sweepInterval;
    }
}
