package com.docketwatch.outputs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** A feed token; {@code token} (the secret) appears only in the answer that minted it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedTokenView(String id, String name, String token, Instant createdAt, Instant revokedAt) {}
