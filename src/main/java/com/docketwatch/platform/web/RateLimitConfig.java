package com.docketwatch.platform.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Min;

/** Per-key request limits (a key's feed tokens included): a token bucket of {@code burst} requests refilled at {@code perMinute}. */
public class RateLimitConfig {
    @Min(1)
    private int perMinute = 600;

    @Min(1)
    private int burst = 100;

    @JsonProperty
    public int getPerMinute() {
        return perMinute;
    }

    @JsonProperty
    public void setPerMinute(int perMinute) {
        this.perMinute = perMinute;
    }

    @JsonProperty
    public int getBurst() {
        return burst;
    }

    @JsonProperty
    public void setBurst(int burst) {
        this.burst = burst;
    }
}
