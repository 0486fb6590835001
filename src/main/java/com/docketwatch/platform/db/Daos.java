package com.docketwatch.platform.db;

import com.docketwatch.alerts.SubscriptionDao;
import com.docketwatch.alerts.delivery.DeliveryDao;
import com.docketwatch.alerts.delivery.DigestDao;
import com.docketwatch.auth.KeyDao;
import com.docketwatch.cases.CaseDao;
import com.docketwatch.cases.PartyDao;
import com.docketwatch.cases.StatusChangeDao;
import com.docketwatch.claims.ClaimDao;
import com.docketwatch.courts.CourtDao;
import com.docketwatch.events.EventDao;
import com.docketwatch.filings.FilingDao;
import com.docketwatch.hearings.HearingDao;
import com.docketwatch.ingest.ImportDao;
import com.docketwatch.ingest.rss.CourtFeedDao;
import com.docketwatch.outputs.FeedTokenDao;
import com.docketwatch.platform.web.IdempotencyDao;
import com.docketwatch.reminders.ReminderDao;
import com.docketwatch.timeline.TimelineDao;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.JdbiConfig;
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

    /** What every {@code Jdbi} of the service needs once its plugins are installed: the record mappers, the DAOs' metadata. */
    public static Jdbi configure(Jdbi jdbi) {
        jdbi.registerRowMapper(new RecordMappers());
        cacheMetadata(jdbi);
        return jdbi;
    }

    /** Builds each DAO's extension metadata into the {@code Jdbi}'s own configuration. */
    private static void cacheMetadata(Jdbi jdbi) {
        Extensions extensions = jdbi.getConfig(Extensions.class);
        ExtensionFactory sqlObjects = extensions.findFactory(SqlObjectFactory.class)
                .orElseThrow(() -> new IllegalStateException("the SqlObject plugin is not installed"));
        for (Class<?> dao : ALL) {
            extensions.findMetadata(dao, sqlObjects);
        }
    }

    /**
     * The handle's instance of {@code dao}, attached on its first use on this handle. Attaching prepares
     * every method of the DAO (mappers, argument binders, a configuration each), whichever one is then
     * called: a request that reads a case through four DAOs attached them eight times before.
     */
    public static <T> T on(Handle handle, Class<T> dao) {
        return handle.getConfig(Attached.class).get(handle, dao);
    }

    /** The DAOs attached to one handle; a copy (a statement's, another handle's) starts empty. */
    public static final class Attached implements JdbiConfig<Attached> {
        private final Map<Class<?>, Object> daos = new HashMap<>();

        public Attached() {}

        <T> T get(Handle handle, Class<T> type) {
            Object dao = daos.get(type);
            if (dao == null) {
                dao = handle.attach(type);
                daos.put(type, dao);
            }
            return type.cast(dao);
        }

        @Override
        public Attached createCopy() {
            return new Attached();
        }
    }
}
