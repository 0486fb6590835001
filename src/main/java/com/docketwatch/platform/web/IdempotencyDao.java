package com.docketwatch.platform.web;

import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The first answer to each (API key, Idempotency-Key), replayed to retries. */
public interface IdempotencyDao {
    record Record(byte[] requestHash, Integer status, String location, byte[] responseSealed) {}

    /**
     * Claims the key for a request now in flight; false when another request holds it. A claim left
     * unfinished for ten minutes (its service was killed mid-request, so its transaction rolled back and
     * nothing was created) is taken over instead of answering 409 until the key expires.
     */
    @SqlUpdate("""
            insert into idempotency_keys (api_key_id, key, request_hash)
            values (:apiKey, :key, :hash)
            on conflict (api_key_id, key) do update
                set request_hash = excluded.request_hash, created_at = now()
                where idempotency_keys.status is null
                  and idempotency_keys.created_at < now() - interval '10 minutes'
            """)
    boolean claim(@Bind("apiKey") long apiKeyId, @Bind("key") String key, @Bind("hash") byte[] requestHash);

    @SqlQuery("""
            select request_hash, status, location, response_sealed
            from idempotency_keys
            where api_key_id = :apiKey and key = :key
            """)
    Optional<Record> find(@Bind("apiKey") long apiKeyId, @Bind("key") String key);

    @SqlUpdate("""
            update idempotency_keys
            set status = :status, location = :location, response_sealed = :body
            where api_key_id = :apiKey and key = :key
            """)
    void complete(
            @Bind("apiKey") long apiKeyId,
            @Bind("key") String key,
            @Bind("status") int status,
            @Bind("location") String location,
            @Bind("body") byte[] sealedBody);

    @SqlUpdate("delete from idempotency_keys where api_key_id = :apiKey and key = :key and status is null")
    void release(@Bind("apiKey") long apiKeyId, @Bind("key") String key);

    /** Keys are kept for a day; older ones are forgotten so the table stays small. */
    @SqlUpdate("delete from idempotency_keys where created_at < now() - interval '24 hours'")
    int expire();
}
