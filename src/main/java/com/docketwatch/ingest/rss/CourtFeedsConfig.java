package com.docketwatch.ingest.rss;

import com.docketwatch.platform.net.AddressPolicy;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Following CM/ECF RSS feeds: how often each feed is polled, how far back-off goes, which hosts are
 * allowed, and the limits of one fetch (total deadline, size) and of polling (feeds fetched at once).
 */
public class CourtFeedsConfig {
    private Duration pollInterval = Duration.ofMinutes(15);
    private Duration maxBackoff = Duration.ofHours(6);
    private Duration timeout = Duration.ofSeconds(30);
    private DataSize maxBodySize = DataSize.mebibytes(16);
    private int workers = 4;
    private String allowHosts = "";

    /** Time between two polls of a healthy feed (ISO-8601; DOCKETWATCH_FEED_POLL_INTERVAL). */
    @JsonProperty
    public Duration getPollInterval() {
        return pollInterval;
    }

    @JsonProperty
    public void setPollInterval(String pollInterval) {
        this.pollInterval = pollInterval == null || pollInterval.isBlank()
                ? Duration.ofMinutes(15)
                : Duration.parse(pollInterval.trim());
    }

    /** The longest wait after repeated failures (the wait doubles with each failure up to this). */
    @JsonProperty
    public Duration getMaxBackoff() {
        return maxBackoff;
    }

    @JsonProperty
    public void setMaxBackoff(Duration maxBackoff) {
        this.maxBackoff = maxBackoff;
    }

    /** One fetch's total deadline: connecting, redirects and reading the whole body. */
    @JsonProperty
    @NotNull
    public Duration getTimeout() {
        return timeout;
    }

    @JsonProperty
    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    /** The largest feed body accepted (after decompression); a larger one is a failed poll. */
    @JsonProperty
    @NotNull
    public DataSize getMaxBodySize() {
        return maxBodySize;
    }

    @JsonProperty
    public void setMaxBodySize(DataSize maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    /** How many feeds are fetched at once per instance (each on its own thread, with its own deadline). */
    @JsonProperty
    @Min(1)
    @Max(64)
    public int getWorkers() {
        return workers;
    }

    @JsonProperty
    public void setWorkers(int workers) {
        this.workers = workers;
    }

    /** Hosts feeds may be fetched from over plain http or on private addresses (DOCKETWATCH_FEED_ALLOW_HOSTS). */
    @JsonProperty
    public String getAllowHosts() {
        return allowHosts;
    }

    @JsonProperty
    public void setAllowHosts(String allowHosts) {
        this.allowHosts = allowHosts;
    }

    /** The policy this list of hosts describes (comma-separated; private addresses and http allowed for them). */
    public AddressPolicy addressPolicy() {
        return AddressPolicy.allowing(allowHosts);
    }

    /** How often the poll job looks for due feeds: the poll interval, but at least once a minute. */
    public Duration sweepInterval() {
        return pollInterval.compareTo(Duration.ofMinutes(1)) < 0 ? pollInterval : Duration.ofMinutes(1);
    }
}
