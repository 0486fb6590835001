package com.docketwatch.events;

import com.docketwatch.platform.db.Database;
import io.dropwizard.lifecycle.Managed;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears PostgreSQL's {@code NOTIFY docketwatch_events} (sent by a trigger on {@code events}, delivered
 * only once the inserting transaction committed, whichever instance wrote it) on one dedicated
 * connection, and runs {@code onEvents} for each. Also runs it after every (re)connection, since
 * notifications sent while not listening are lost.
 */
public final class EventNotifications implements Managed {
    public static final String CHANNEL = "docketwatch_events";
    private static final Logger LOG = LoggerFactory.getLogger(EventNotifications.class);

    private final Database database;
    private final Runnable onEvents;
    private volatile boolean running;
    private volatile Connection connection;
    private Thread thread;

    public EventNotifications(Database database, Runnable onEvents) {
        this.database = database;
        this.onEvents = onEvents;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::listen, "event-notifications");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() throws InterruptedException {
        running = false;
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        thread.interrupt();
        thread.join(5000);
    }

    private void listen() {
        while (running) {
            try (Connection c = database.connect("docketwatch-listen")) {
                connection = c;
                try (Statement s = c.createStatement()) {
                    s.execute("listen " + CHANNEL);
                }
                onEvents.run();
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notes = pg.getNotifications(1000);
                    if (notes != null && notes.length > 0) {
                        onEvents.run();
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warn("Listening for new events failed; long polls fall back to polling until it reconnects", e);
                    pause();
                }
            } catch (RuntimeException e) {
                LOG.error("Unexpected failure while listening for new events", e);
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
