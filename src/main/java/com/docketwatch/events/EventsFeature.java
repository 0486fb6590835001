package com.docketwatch.events;

import com.docketwatch.platform.db.Database;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.setup.Environment;
import org.jdbi.v3.core.Jdbi;

/**
 * The change feed {@code GET /events}: long polls that hold no thread, capped per key, woken by PostgreSQL
 * {@code NOTIFY} heard on one dedicated {@code LISTEN} connection. The same notification runs {@code
 * onEvents} (the delivery worker looks for the new events' deliveries at once, not at its next poll).
 */
public final class EventsFeature {
    private EventsFeature() {}

    public static void install(
            Environment env, Jdbi jdbi, ObjectMapper json, Database database, EventsConfig config, Runnable onEvents) {
        ChangeFeed feed = new ChangeFeed(jdbi, json, database.timeouts());
        EventWaiters waiters = new EventWaiters(feed::head, config.getMaxWaitersPerKey());
        env.lifecycle().manage(waiters);
        env.lifecycle().manage(new EventNotifications(database, () -> {
            waiters.signal();
            onEvents.run();
        }));
        env.jersey().register(new EventResource(feed, waiters));
    }
}
