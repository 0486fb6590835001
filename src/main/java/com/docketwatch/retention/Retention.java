package com.docketwatch.retention;

import com.docketwatch.platform.db.Daos;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes history older than its retention period: finished deliveries with their attempts, settled
 * reminders, then events. Each batch is one statement in its own short transaction, so rows are locked
 * only while their batch is deleted and no transaction stays open for the whole run (which would also
 * hold back the change feed). Pending deliveries and reminders are never removed, nor the events they
 * name. A run stops after {@code maxRunTime}; the next one goes on where history is still too old.
 */
public final class Retention {
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    private static final int LOG_EVERY = 20; // batches

    private final Jdbi jdbi;
    private final Clock clock;
    private final RetentionConfig config;

    public Retention(Jdbi jdbi, Clock clock, RetentionConfig config) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.config = config;
    }

    /** What one run removed. */
    public record Removed(long deliveries, long reminders, long events, boolean finished) {}

    public Removed prune() {
        Instant now = clock.instant();
        long deadline = System.nanoTime() + config.getMaxRunTime().toNanos();
        BooleanSupplier timeLeft = () -> System.nanoTime() < deadline;
        long deliveries = pruneDeliveries(now.minus(config.getDeliveries()), timeLeft);
        long reminders = pruneReminders(now.minus(config.getReminders()), timeLeft);
        long events = pruneEvents(now.minus(config.getEvents()), now, timeLeft);
        boolean finished = timeLeft.getAsBoolean();
        if (deliveries + reminders + events > 0 || !finished) {
            LOG.info(
                    "Retention removed {} deliveries (with their attempts) older than {}, {} reminders older than {}, "
                            + "{} events older than {}{}",
                    deliveries,
                    period(config.getDeliveries()),
                    reminders,
                    period(config.getReminders()),
                    events,
                    period(config.getEvents()),
                    finished ? "" : "; stopped after " + config.getMaxRunTime() + ", the next run goes on");
        }
        return new Removed(deliveries, reminders, events, finished);
    }

    private long pruneDeliveries(Instant cutoff, BooleanSupplier timeLeft) {
        long removed = 0;
        long after = 0;
        for (int batch = 1; timeLeft.getAsBoolean(); batch++) {
            long from = after;
            RetentionDao.Step step = jdbi.inTransaction(
                    h -> Daos.on(h, RetentionDao.class).deliveries(from, cutoff, config.getBatchSize()));
            removed += step.removed();
            progress("deliveries", batch, removed);
            if (step.lastId() == null || step.reachedYoung()) {
                break;
            }
            after = step.lastId();
        }
        return removed;
    }

    private long pruneReminders(Instant cutoff, BooleanSupplier timeLeft) {
        long removed = 0;
        Instant afterAt = Instant.EPOCH;
        long afterId = 0;
        for (int batch = 1; timeLeft.getAsBoolean(); batch++) {
            Instant fromAt = afterAt;
            long fromId = afterId;
            RetentionDao.ReminderStep step = jdbi.inTransaction(
                    h -> Daos.on(h, RetentionDao.class).reminders(fromAt, fromId, cutoff, config.getBatchSize()));
            removed += step.removed();
            progress("reminders", batch, removed);
            if (step.lastId() == null) {
                break;
            }
            afterAt = step.lastSettledAt();
            afterId = step.lastId();
        }
        return removed;
    }

    /** One batch of events: how many were removed, and whether older ones may follow. */
    private record EventStep(int removed, boolean more) {}

    /**
     * Events go in change-feed order, oldest first, up to the first one still inside the period: the
     * horizon (the last position removed) then tells the change feed where its history begins.
     */
    private long pruneEvents(Instant cutoff, Instant now, BooleanSupplier timeLeft) {
        long removed = 0;
        for (int batch = 1; timeLeft.getAsBoolean(); batch++) {
            EventStep step = jdbi.inTransaction(h -> {
                RetentionDao dao = Daos.on(h, RetentionDao.class);
                RetentionDao.Horizon horizon = dao.horizon().orElse(new RetentionDao.Horizon("0", 0, 0));
                List<RetentionDao.Position> next =
                        dao.eventsAfter(horizon.txid(), horizon.eventId(), cutoff, config.getBatchSize());
                int old = 0;
                long minId = Long.MAX_VALUE;
                long maxId = 0;
                while (old < next.size() && next.get(old).old()) {
                    minId = Math.min(minId, next.get(old).id());
                    maxId = Math.max(maxId, next.get(old).id());
                    old++;
                }
                if (old == 0) {
                    return new EventStep(0, false);
                }
                RetentionDao.Position last = next.get(old - 1);
                int n = dao.removeEvents(horizon.txid(), horizon.eventId(), last.txid(), last.id(), minId, maxId);
                dao.moveHorizon(last.txid(), last.id(), Math.max(maxId, horizon.maxEventId()), now);
                return new EventStep(n, old == next.size());
            });
            removed += step.removed();
            progress("events", batch, removed);
            if (!step.more()) {
                break;
            }
        }
        return removed;
    }

    /** As config.yml writes it: P90D rather than Duration's PT2160H. */
    static String period(Duration d) {
        return d.toHours() % 24 == 0 && d.toSeconds() % 3600 == 0 ? "P" + d.toDays() + "D" : d.toString();
    }

    private static void progress(String what, int batch, long removed) {
        if (batch % LOG_EVERY == 0) {
            LOG.info("Retention: {} {} removed so far ({} batches)", removed, what, batch);
        }
    }
}
