package com.docketwatch.events;

import com.docketwatch.platform.db.Database;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.setup.Environment;
import org.jdbi.v3.core.Jdbi;

/**
 * The change feed {@code GET /events}: long polls that hold no thread, woken by PostgreSQL {@code NOTIFY}
 * heard on one dedicated {@code LISTEN} connection.
 */
public final class EventsFeature {
    private EventsFeature() {}

    public static void install(Environment env, Jdbi jdbi, ObjectMapper json, Database database) {
        EventWaiters waiters = new EventWaiters();
        env.lifecycle().manage(waiters);
        env.lifecycle().manage(new EventNotifications(database, waiters::signal));
        env.jersey().register(new EventResource(new ChangeFeed(jdbi, json), waiters));
    }
}
