package com.docketwatch;

import com.docketwatch.alerts.AlertsConfig;
import com.docketwatch.auth.AuthConfig;
import com.docketwatch.events.EventsConfig;
import com.docketwatch.ingest.rss.CourtFeedsConfig;
import com.docketwatch.platform.db.DatabaseConfig;
import com.docketwatch.platform.web.RateLimitConfig;
import com.docketwatch.reminders.RemindersConfig;
import com.docketwatch.retention.RetentionConfig;
import com.docketwatch.scheduling.SchedulingConfig;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Everything {@code config.yml} can set, one section per feature; each value that an operator sets in
 * practice comes from a DOCKETWATCH_* environment variable, and every section has working defaults.
 */
public class DocketWatchConfiguration extends Configuration {
    @Valid
    @NotNull
    @JsonProperty
    private DatabaseConfig database = new DatabaseConfig();

    @Valid
    @NotNull
    @JsonProperty
    private AuthConfig auth = new AuthConfig();

    @Valid
    @NotNull
    @JsonProperty
    private AlertsConfig alerts = new AlertsConfig();

    @Valid
    @NotNull
    @JsonProperty
    private RemindersConfig reminders = new RemindersConfig();

    @Valid
    @NotNull
    @JsonProperty
    private RateLimitConfig rateLimit = new RateLimitConfig();

    @Valid
    @NotNull
    @JsonProperty
    private CourtFeedsConfig courtFeeds = new CourtFeedsConfig();

    @Valid
    @NotNull
    @JsonProperty
    private SchedulingConfig scheduling = new SchedulingConfig();

    @Valid
    @NotNull
    @JsonProperty
    private RetentionConfig retention = new RetentionConfig();

    private EventsConfig events = new EventsConfig();

    /** A string made a valid admin key at every start (idempotently); stored hashed only. */
    @JsonProperty
    private String bootstrapAdminKey;

    /** Loads the Musk v. OpenAI demo data at start-up (set by the {@code demo} command). */
    @JsonProperty
    private boolean demo;

    public DatabaseConfig getDatabase() {
        return database;
    }

    public AuthConfig getAuth() {
        return auth;
    }

    public AlertsConfig getAlerts() {
        return alerts;
    }

    public RemindersConfig getReminders() {
        return reminders;
    }

    public RateLimitConfig getRateLimit() {
        return rateLimit;
    }

    public CourtFeedsConfig getCourtFeeds() {
        return courtFeeds;
    }

    public SchedulingConfig getScheduling() {
        return scheduling;
    }

    public RetentionConfig getRetention() {
        return retention;
    }

    public EventsConfig getEvents() {
        return events;
    }

    public String getBootstrapAdminKey() {
        return bootstrapAdminKey == null || bootstrapAdminKey.isBlank() ? null : bootstrapAdminKey;
    }

    public boolean isDemo() {
        return demo;
    }

    public void setDemo(boolean demo) {
        this.demo = demo;
    }
}
