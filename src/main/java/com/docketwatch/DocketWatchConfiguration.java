package com.docketwatch;

import com.docketwatch.alerts.AlertsConfig;
import com.docketwatch.ingest.rss.CourtFeedsConfig;
import com.docketwatch.platform.web.RateLimitConfig;
import com.docketwatch.platform.db.DatabaseConfig;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Everything {@code config.yml} can set; each value can come from a DOCKETWATCH_* environment variable. */
public class DocketWatchConfiguration extends Configuration {
    @Valid
    @NotNull
    private DatabaseConfig database = new DatabaseConfig();

    @Valid
    @NotNull
    private AlertsConfig alerts = new AlertsConfig();

    @Valid
    @NotNull
    private RateLimitConfig rateLimit = new RateLimitConfig();

    @Valid
    @NotNull
    private CourtFeedsConfig feeds = new CourtFeedsConfig();

    private String bootstrapAdminKey;

    /** Loads the Musk v. OpenAI demo data at start-up (set by the {@code demo} command). */
    private boolean demo;

    @JsonProperty
    public DatabaseConfig getDatabase() {
        return database;
    }

    @JsonProperty
    public void setDatabase(DatabaseConfig database) {
        this.database = database;
    }

    @JsonProperty
    public AlertsConfig getAlerts() {
        return alerts;
    }

    @JsonProperty
    public void setAlerts(AlertsConfig alerts) {
        this.alerts = alerts;
    }

    @JsonProperty
    public RateLimitConfig getRateLimit() {
        return rateLimit;
    }

    @JsonProperty
    public void setRateLimit(RateLimitConfig rateLimit) {
        this.rateLimit = rateLimit;
    }

    @JsonProperty
    public CourtFeedsConfig getFeeds() {
        return feeds;
    }

    @JsonProperty
    public void setFeeds(CourtFeedsConfig feeds) {
        this.feeds = feeds;
    }

    @JsonProperty
    public String getBootstrapAdminKey() {
        return bootstrapAdminKey == null || bootstrapAdminKey.isBlank() ? null : bootstrapAdminKey;
    }

    @JsonProperty
    public void setBootstrapAdminKey(String bootstrapAdminKey) {
        this.bootstrapAdminKey = bootstrapAdminKey;
    }

    @JsonProperty
    public boolean isDemo() {
        return demo;
    }

    @JsonProperty
    public void setDemo(boolean demo) {
        this.demo = demo;
    }
}
