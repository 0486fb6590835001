package com.docketwatch.platform.db;

import com.docketwatch.alerts.delivery.DeliveryDao;
import com.docketwatch.cases.CaseDao;
import com.docketwatch.cases.PartyDao;
import com.docketwatch.cases.StatusChangeDao;
import com.docketwatch.claims.ClaimDao;
import com.docketwatch.courts.CourtDao;
import com.docketwatch.filings.FilingDao;
import com.docketwatch.hearings.HearingDao;
import com.docketwatch.platform.web.IdempotencyDao;
import com.docketwatch.reminders.ReminderDao;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.JdbiConfig;
import org.jdbi.v3.core.extension.ExtensionFactory;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.sqlobject.SqlObjectFactory;

/**
 * Every SqlObject DAO of the service, the one way to reach one, and the one-time work that keeps
 * attaching them cheap.
 *
 * <p>A DAO is used on the handle of the unit of work it belongs to: {@code jdbi.inTransaction(h -> ...)}
 * for writes, {@code jdbi.withHandle(h -> ...)} for reads, and inside it {@code Daos.on(h, XDao.class)}.
 *
 * <p>Attaching is per handle, so per request, and prepares every method of the DAO (a proxy, a
 * configuration copy, binders and row mapper each). The few statements the busiest reads run on every
 * request are therefore static methods of their DAO that take the handle ({@code CaseDao.whole},
 * {@code CaseDao.lookup}, {@code CaseDao.list}, {@code HearingDao.list}, {@code HearingDao.history}): no
 * attaching for them.
 *
 * <p>A {@code Handle} starts from a copy of the {@code Jdbi}'s configuration, including its cache of
 * extension metadata (what each DAO method runs, built by reflection). Metadata built while attaching
 * to a handle lands in that handle's copy and is thrown away with it, so every request rebuilt it for
 * each DAO it attached. Built once here on the {@code Jdbi} itself, every handle's copy starts with it.
 */
public final class Daos {
    /** The public DAOs: other feature packages use them. */
    private static final List<Class<?>> SHARED = List.of(
            CaseDao.class,
            ClaimDao.class,
            CourtDao.class,
            DeliveryDao.class,
            FilingDao.class,
            HearingDao.class,
            IdempotencyDao.class,
            PartyDao.class,
            ReminderDao.class,
            StatusChangeDao.class);

    /**
     * The DAOs only their own feature package uses, package-private there, so named here rather than
     * imported. They are loaded with this class: one renamed or moved without this list stops the
     * service at start, it is never silently left out.
     */
    private static final List<String> PACKAGE_PRIVATE = List.of(
            "com.docketwatch.alerts.SubscriptionDao",
            "com.docketwatch.alerts.delivery.DigestDao",
            "com.docketwatch.auth.KeyDao",
            "com.docketwatch.demo.DemoDao",
            "com.docketwatch.events.EventDao",
            "com.docketwatch.ingest.ImportDao",
            "com.docketwatch.ingest.rss.CourtFeedDao",
            "com.docketwatch.outputs.FeedTokenDao",
            "com.docketwatch.retention.RetentionDao",
            "com.docketwatch.timeline.TimelineDao");

    public static final List<Class<?>> ALL = Stream.concat(
                    SHARED.stream(), PACKAGE_PRIVATE.stream().map(Daos::load))
            .toList();

    private Daos() {}

    /**
     * What every {@code Jdbi} of the service needs once its plugins are installed: the record mappers,
     * the DAOs' metadata.
     */
    public static Jdbi configure(Jdbi jdbi) {
        jdbi.registerRowMapper(new RecordMappers());
        cacheMetadata(jdbi);
        return jdbi;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, Daos.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("No DAO " + name + ": update Daos.PACKAGE_PRIVATE", e);
        }
    }

    /** Builds each DAO's extension metadata into the {@code Jdbi}'s own configuration. */
    private static void cacheMetadata(Jdbi jdbi) {
        Extensions extensions = jdbi.getConfig(Extensions.class);
        ExtensionFactory sqlObjects = extensions
                .findFactory(SqlObjectFactory.class)
                .orElseThrow(() -> new IllegalStateException("the SqlObject plugin is not installed"));
        for (Class<?> dao : ALL) {
            extensions.findMetadata(dao, sqlObjects);
        }
    }

    /**
     * The handle's instance of {@code dao}, attached on its first use on this handle. Attaching prepares
     * every method of the DAO (mappers, argument binders, a configuration each), whichever one is then
     * called, so it is done once per handle and DAO however many statements of the unit of work use it.
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
