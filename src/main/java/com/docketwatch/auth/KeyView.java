package com.docketwatch.auth;

import com.docketwatch.platform.web.ShownOnce;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** An API key; {@code key} (the secret) appears only in the answer that created it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyView(String id, String name, String role, String key, Instant createdAt, Instant revokedAt)
        implements ShownOnce {
    @Override
    public KeyView withoutSecret() {
        return new KeyView(id, name, role, null, createdAt, revokedAt);
    }
}
