package com.docketwatch.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * API keys recently found valid, by their SHA-256, for a few seconds: without it every request paid
 * a pool checkout and a round trip to {@code api_keys} before its own queries. Unknown keys are not
 * remembered (a client guessing keys cannot fill it). Revoking a key on this instance empties it at
 * once; another instance sharing the database stops accepting a revoked key within {@code ttl}.
 */
public final class KeyCache {
    private final Cache<ByteBuffer, Caller> valid;

    public KeyCache(Duration ttl) {
        this.valid =
                Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build();
    }

    /** The caller for {@code keyHash}, from the cache or else from {@code lookup}. */
    public Optional<Caller> get(byte[] keyHash, Function<byte[], Optional<Caller>> lookup) {
        return Optional.ofNullable(valid.get(
                ByteBuffer.wrap(keyHash), hash -> lookup.apply(keyHash).orElse(null)));
    }

    public void invalidateAll() {
        valid.invalidateAll();
    }
}
