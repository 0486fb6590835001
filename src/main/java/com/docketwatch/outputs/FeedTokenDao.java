package com.docketwatch.outputs;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Feed tokens, each owned by the API key that minted it and looked up by the SHA-256 of the token. */
interface FeedTokenDao {
    record ActiveToken(long id, long apiKeyId, String name) {}

    String VIEW = "id::text as id, name, null as token, created_at, revoked_at";

    @SqlQuery("""
            insert into feed_tokens (api_key_id, name, token_hash)
            values (:keyId, :name, :hash)
            returning
            """ + VIEW)
    FeedTokenView insert(@Bind("keyId") long apiKeyId, @Bind("name") String name, @Bind("hash") byte[] hash);

    /** A token that works: neither it nor the key that minted it is revoked. */
    @SqlQuery("""
            select t.id, t.api_key_id, t.name
            from feed_tokens t
            join api_keys k on k.id = t.api_key_id
            where t.token_hash = :hash and t.revoked_at is null and k.revoked_at is null
            """)
    Optional<ActiveToken> findActive(@Bind("hash") byte[] hash);

    /** Locks the key's row for the rest of the transaction (see SubscriptionDao.lockOwner). */
    @SqlQuery("select id from api_keys where id = :keyId for no key update")
    Optional<Long> lockKey(@Bind("keyId") long apiKeyId);

    @SqlQuery("select count(*) from feed_tokens where api_key_id = :keyId and revoked_at is null")
    long countActive(@Bind("keyId") long apiKeyId);

    @SqlQuery("select " + VIEW + " from feed_tokens where api_key_id = :keyId and id = :id")
    Optional<FeedTokenView> find(@Bind("keyId") long apiKeyId, @Bind("id") long id);

    @SqlQuery("select " + VIEW
            + " from feed_tokens where api_key_id = :keyId and id > :after order by feed_tokens.id limit :limit")
    List<FeedTokenView> list(@Bind("keyId") long apiKeyId, @Bind("after") long after, @Bind("limit") int limit);

    @SqlUpdate("""
            update feed_tokens
            set revoked_at = now()
            where api_key_id = :keyId and id = :id and revoked_at is null
            """)
    int revoke(@Bind("keyId") long apiKeyId, @Bind("id") long id);
}
