package com.docketwatch.db;

import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.extension.ExtensionFactory;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.sqlobject.SqlObjectFactory;

/**
 * Every SqlObject DAO of the service, and the one-time work that keeps attaching them cheap.
 *
 * <p>A {@code Handle} starts from a copy of the {@code Jdbi}'s configuration, including its cache of
 * extension metadata (what each DAO method runs, built by reflection). Metadata built while attaching
 * to a handle ({@code h.attach(CaseDao.class)}) lands in that handle's copy and is thrown away with
 * it, so every request rebuilt it for each DAO it attached. Built once here on the {@code Jdbi}
 * itself, every handle's copy starts with it.
 */
public final class Daos {
    public static final List<Class<?>> ALL = List.of(CaseDao.class, ClaimDao.class, CourtDao.class, CourtFeedDao.class,
            DeliveryDao.class, DigestDao.class, EventDao.class, FeedTokenDao.class, FilingDao.class, HearingDao.class,
            IdempotencyDao.class, ImportDao.class, KeyDao.class, PartyDao.class, ReminderDao.class, StatusChangeDao.class,
            SubscriptionDao.class, TimelineDao.class);

    private Daos() {}

    /** Builds each DAO's extension metadata into the {@code Jdbi}'s own configuration. */
    public static void cacheMetadata(Jdbi jdbi) {
        Extensions extensions = jdbi.getConfig(Extensions.class);
        ExtensionFactory sqlObjects = extensions.findFactory(SqlObjectFactory.class)
                .orElseThrow(() -> new IllegalStateException("the SqlObject plugin is not installed"));
        for (Class<?> dao : ALL) {
            extensions.findMetadata(dao, sqlObjects);
        }
    }
}
