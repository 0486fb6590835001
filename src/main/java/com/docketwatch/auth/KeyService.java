package com.docketwatch.auth;

import com.docketwatch.platform.db.Daos;
import com.docketwatch.platform.errors.ApiException;
import com.docketwatch.platform.request.Cursor;
import com.docketwatch.platform.request.Page;
import com.docketwatch.platform.request.PageRequest;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Issues and revokes API keys; only their SHA-256 is stored. */
public final class KeyService {
    private final Jdbi jdbi;
    private final KeyCache cache;

    public KeyService(Jdbi jdbi, KeyCache cache) {
        this.jdbi = jdbi;
        this.cache = cache;
    }

    public KeyView create(KeyRequest r) {
        String key = ApiKeys.newKey();
        KeyView stored = jdbi.inTransaction(
                h -> Daos.on(h, KeyDao.class).insert(r.name().trim(), r.role().wireName(), ApiKeys.hash(key)));
        return new KeyView(stored.id(), stored.name(), stored.role(), key, stored.createdAt(), null);
    }

    public void revoke(long id) {
        jdbi.useTransaction(h -> {
            KeyDao dao = Daos.on(h, KeyDao.class);
            if (dao.revoke(id) == 0 && !dao.exists(id)) {
                throw ApiException.notFound("No key with id " + id);
            }
        });
        cache.invalidateAll();
    }

    public Page<KeyView> list(PageRequest page) {
        Cursor c = page.decode(1);
        List<KeyView> rows =
                jdbi.withHandle(h -> Daos.on(h, KeyDao.class).list(c == null ? 0 : c.getLong(0), page.fetchSize()));
        return Page.of(rows, page, k -> Cursor.of(k.id()), k -> k);
    }

    /** Makes the configured bootstrap key a valid admin key; safe to run at every start. */
    public void bootstrap(String adminKey) {
        jdbi.useTransaction(h -> Daos.on(h, KeyDao.class).upsertBootstrap(ApiKeys.hash(adminKey)));
    }
}
