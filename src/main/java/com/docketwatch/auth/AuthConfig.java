package com.docketwatch.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/** API key checking ({@code auth:} in config.yml). */
public class AuthConfig {
    /**
     * How long a key found valid is remembered by its hash. Revoking a key clears this at once on the
     * instance that revoked it; other instances sharing the database follow within this time.
     */
    @JsonProperty
    @NotNull
    private Duration keyCacheTtl = Duration.ofSeconds(5);

    public Duration getKeyCacheTtl() {
        return keyCacheTtl;
    }
}
