package com.docketwatch.outputs;

import com.docketwatch.auth.ApiKeys;
import com.docketwatch.platform.db.Daos;
import com.docketwatch.platform.errors.ApiException;
import com.docketwatch.platform.request.Cursor;
import com.docketwatch.platform.request.Page;
import com.docketwatch.platform.request.PageRequest;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Read-only feed tokens for calendar apps and feed readers. Each API key mints and sees only its
 * own; another key's token is 404. Only the SHA-256 of a token is stored.
 */
public final class FeedTokenService {
    private final Jdbi jdbi;
    private final int maxPerKey;

    /** {@code maxPerKey}: the active (unrevoked) tokens one key may hold. */
    public FeedTokenService(Jdbi jdbi, int maxPerKey) {
        this.jdbi = jdbi;
        this.maxPerKey = maxPerKey;
    }

    /** Mints a token; 409 when the key already holds {@code maxPerKey} active ones. */
    public FeedTokenView create(long keyId, FeedTokenRequest r) {
        String token = ApiKeys.newFeedToken();
        FeedTokenView stored = jdbi.inTransaction(h -> {
            FeedTokenDao dao = Daos.on(h, FeedTokenDao.class);
            // The key's row is locked first, so that concurrent creates count one after the other.
            dao.lockKey(keyId);
            long active = dao.countActive(keyId);
            if (active >= maxPerKey) {
                throw new ApiException(
                        409,
                        "limit-reached",
                        "Limit reached",
                        "This key has " + active + " active feed tokens, the most one key may have (" + maxPerKey
                                + "); revoke one before minting another",
                        null);
            }
            return dao.insert(keyId, r.name().trim(), ApiKeys.hash(token));
        });
        return new FeedTokenView(stored.id(), stored.name(), token, stored.createdAt(), null);
    }

    public Page<FeedTokenView> list(long keyId, PageRequest page) {
        Cursor c = page.decode(1);
        List<FeedTokenView> rows = jdbi.withHandle(
                h -> Daos.on(h, FeedTokenDao.class).list(keyId, c == null ? 0 : c.getLong(0), page.fetchSize()));
        return Page.of(rows, page, t -> Cursor.of(t.id()), t -> t);
    }

    public FeedTokenView get(long keyId, long id) {
        return jdbi.withHandle(h -> Daos.on(h, FeedTokenDao.class).find(keyId, id))
                .orElseThrow(() -> notFound(id));
    }

    /** Revokes at once; revoking a revoked token again changes nothing. */
    public void revoke(long keyId, long id) {
        jdbi.useTransaction(h -> {
            FeedTokenDao dao = Daos.on(h, FeedTokenDao.class);
            if (dao.revoke(keyId, id) == 0 && dao.find(keyId, id).isEmpty()) {
                throw notFound(id);
            }
        });
    }

    private static ApiException notFound(long id) {
        return ApiException.notFound("No feed token " + id + " of this key");
    }
}
