package com.docketwatch.retention;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/** How long history is kept ({@code retention:} in config.yml); the maintenance job removes what is older. */
public class RetentionConfig {
    /** Delivered or failed deliveries (with their attempts), counted from delivery or the last attempt. */
    @JsonProperty
    @NotNull
    private Duration deliveries = Duration.ofDays(90);

    /** Sent, cancelled, skipped or missed reminders, counted from then, once their hearing is as old too. */
    @JsonProperty
    @NotNull
    private Duration reminders = Duration.ofDays(90);

    /** Events (the change feed), unless a delivery or reminder that is kept still names them. */
    @JsonProperty
    @NotNull
    private Duration events = Duration.ofDays(365);

    /** Rows removed per statement, each in its own short transaction. */
    @JsonProperty
    @Min(1)
    @Max(100_000)
    private int batchSize = 5000;

    /** One run stops after this long and the next run goes on (a first run may face years of history). */
    @JsonProperty
    @NotNull
    private Duration maxRunTime = Duration.ofMinutes(10);

    @JsonIgnore
    @AssertTrue(message = "retention periods must be at least one day (P1D), and maxRunTime positive")
    public boolean isSane() {
        Duration day = Duration.ofDays(1);
        return deliveries == null
                || reminders == null
                || events == null
                || maxRunTime == null
                || (deliveries.compareTo(day) >= 0
                        && reminders.compareTo(day) >= 0
                        && events.compareTo(day) >= 0
                        && !maxRunTime.isNegative()
                        && !maxRunTime.isZero());
    }

    public Duration getDeliveries() {
        return deliveries;
    }

    public Duration getReminders() {
        return reminders;
    }

    public Duration getEvents() {
        return events;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public Duration getMaxRunTime() {
        return maxRunTime;
    }
}
