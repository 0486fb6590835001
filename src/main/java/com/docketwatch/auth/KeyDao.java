package com.docketwatch.auth;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** API keys, looked up by the SHA-256 of the presented key. */
interface KeyDao {
    record KeyRow(long id, String name, String role) {}

    String VIEW = "id::text as id, name, role, null as key, created_at, revoked_at";

    @SqlQuery("insert into api_keys (name, role, key_hash) values (:name, :role, :hash) returning " + VIEW)
    KeyView insert(@Bind("name") String name, @Bind("role") String role, @Bind("hash") byte[] hash);

    @SqlQuery("select id, name, role from api_keys where key_hash = :hash and revoked_at is null")
    Optional<KeyRow> findActive(@Bind("hash") byte[] hash);

    @SqlUpdate("update api_keys set revoked_at = now() where id = :id and revoked_at is null")
    int revoke(@Bind("id") long id);

    @SqlQuery("select exists (select 1 from api_keys where id = :id)")
    boolean exists(@Bind("id") long id);

    /** Makes the bootstrap key valid: created once, un-revoked and promoted to admin if needed. */
    @SqlUpdate("""
            insert into api_keys (name, role, key_hash)
            values ('bootstrap admin', 'admin', :hash)
            on conflict (key_hash) do update set role = 'admin', revoked_at = null
            """)
    void upsertBootstrap(@Bind("hash") byte[] hash);

    @SqlQuery("select " + VIEW + " from api_keys where id > :after order by api_keys.id limit :limit")
    List<KeyView> list(@Bind("after") long after, @Bind("limit") int limit);
}
