package com.docketwatch.operations;

import com.docketwatch.platform.db.Daos;
import com.docketwatch.scheduling.QuartzScheduler;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The domain gauges an on-call engineer needs, read from the database at most once per {@link #MAX_AGE}
 * however many scrapers ask (one statement for the outbox, the reminders and the scheduler; one for the
 * court feeds). The figures are the shared database's: every instance reports the same values, so
 * dashboards take {@code max()} across instances, not {@code sum()}. Long-poll waiters are this
 * instance's own. When the database cannot be read, {@code docketwatch_domain_metrics_up} is 0 and the
 * database figures are left out rather than reported stale.
 */
final class DomainMetrics implements MultiCollector {
    static final Duration MAX_AGE = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(DomainMetrics.class);
    /** Quartz's {@code misfireThreshold} (QuartzScheduler): a trigger this late is misfired. */
    private static final long MISFIRE_THRESHOLD_MS = 5000;

    private final Jdbi jdbi;
    private final Clock clock;
    private final IntSupplier longPollWaiters;
    private final Map<Long, Instant> lastPolls = new HashMap<>();
    private boolean feedsSeen;
    private long feedPolls;
    private long feedPollErrors;
    private Instant readAt = Instant.EPOCH;
    private MetricSnapshots cached;

    DomainMetrics(Jdbi jdbi, Clock clock, IntSupplier longPollWaiters) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.longPollWaiters = longPollWaiters;
    }

    @Override
    public MetricSnapshots collect() {
        MetricSnapshots.Builder all = MetricSnapshots.builder();
        MetricSnapshots database = database();
        all.metricSnapshot(gauge(
                "docketwatch_domain_metrics_up",
                "1 when the domain figures below could be read from the database",
                database == null ? 0 : 1));
        if (database != null) {
            database.forEach(all::metricSnapshot);
        }
        all.metricSnapshot(gauge(
                "docketwatch_change_feed_waiters",
                "long polls of GET /events waiting on this instance",
                longPollWaiters.getAsInt()));
        return all.build();
    }

    /** The cached database figures, read again when older than MAX_AGE; null when the read failed. */
    private synchronized MetricSnapshots database() {
        Instant now = clock.instant();
        if (cached != null && Duration.between(readAt, now).compareTo(MAX_AGE) < 0) {
            return cached;
        }
        try {
            cached = read(now);
        } catch (RuntimeException e) {
            LOG.warn("Could not read the domain metrics: {}", e.toString());
            cached = null;
        }
        readAt = now;
        return cached;
    }

    private MetricSnapshots read(Instant now) {
        OperationsDao.Backlog b = jdbi.withHandle(h -> Daos.on(h, OperationsDao.class)
                .backlog(now, QuartzScheduler.NAME, now.toEpochMilli() - MISFIRE_THRESHOLD_MS));
        List<OperationsDao.Feed> feeds =
                jdbi.withHandle(h -> Daos.on(h, OperationsDao.class).feeds());
        countFeedPolls(feeds);
        long failing = feeds.stream().filter(OperationsDao.Feed::failing).count();
        double oldestOverdue = feeds.stream()
                .filter(f -> f.nextPollAt().isBefore(now))
                .mapToDouble(f -> Duration.between(f.nextPollAt(), now).toMillis() / 1000.0)
                .max()
                .orElse(0);
        return MetricSnapshots.builder()
                .metricSnapshot(GaugeSnapshot.builder()
                        .name("docketwatch_outbox_deliveries")
                        .help(
                                "deliveries in the outbox waiting to be sent, by status (retrying: a failed attempt before)")
                        .dataPoint(point(b.pendingDeliveries(), "status", "pending"))
                        .dataPoint(point(b.retryingDeliveries(), "status", "retrying"))
                        .build())
                .metricSnapshot(gauge(
                        "docketwatch_outbox_due_deliveries",
                        "deliveries whose next attempt is due now (those of paused subscriptions wait on purpose and are left out)",
                        b.dueDeliveries()))
                .metricSnapshot(gauge(
                        "docketwatch_outbox_oldest_due_seconds",
                        "how long the oldest due delivery has waited since its attempt fell due",
                        b.oldestDueDeliverySeconds()))
                .metricSnapshot(gauge(
                        "docketwatch_digest_deliveries", "deliveries held for a daily digest", b.digestDeliveries()))
                .metricSnapshot(gauge(
                        "docketwatch_reminders_due_unsent",
                        "reminders whose instant has passed and that are not sent yet",
                        b.dueReminders()))
                .metricSnapshot(gauge(
                        "docketwatch_reminders_oldest_due_seconds",
                        "how long the oldest due, unsent reminder is past its instant",
                        b.oldestDueReminderSeconds()))
                .metricSnapshot(gauge(
                        "docketwatch_quartz_overdue_triggers",
                        "Quartz triggers past their fire time by more than the misfire threshold (no instance fires them)",
                        b.overdueTriggers()))
                .metricSnapshot(GaugeSnapshot.builder()
                        .name("docketwatch_court_feeds")
                        .help("followed court RSS feeds, by the outcome of their last poll")
                        .dataPoint(point(feeds.size() - failing, "state", "ok"))
                        .dataPoint(point(failing, "state", "failing"))
                        .build())
                .metricSnapshot(gauge(
                        "docketwatch_court_feeds_max_consecutive_failures",
                        "the most failed polls in a row of any court feed",
                        feeds.stream()
                                .mapToInt(OperationsDao.Feed::consecutiveFailures)
                                .max()
                                .orElse(0)))
                .metricSnapshot(gauge(
                        "docketwatch_court_feeds_oldest_overdue_seconds",
                        "how long the most overdue court feed poll is past its time",
                        oldestOverdue))
                .metricSnapshot(CounterSnapshot.builder()
                        .name("docketwatch_court_feed_polls")
                        .help(
                                "court feed polls seen in the database since this instance started (by any instance), by result")
                        .dataPoint(counter(feedPolls - feedPollErrors, "result", "ok"))
                        .dataPoint(counter(feedPollErrors, "result", "error"))
                        .build())
                .build();
    }

    /** A feed whose last poll moved since the previous read was polled once more (feeds poll minutes apart). */
    private void countFeedPolls(List<OperationsDao.Feed> feeds) {
        for (OperationsDao.Feed f : feeds) {
            if (f.lastPollAt() == null) {
                continue;
            }
            Instant before = lastPolls.put(f.id(), f.lastPollAt());
            boolean polledAgain = before == null ? feedsSeen : !before.equals(f.lastPollAt());
            if (polledAgain) {
                feedPolls++;
                if (f.failing()) {
                    feedPollErrors++;
                }
            }
        }
        feedsSeen = true;
    }

    private static GaugeSnapshot gauge(String name, String help, double value) {
        return GaugeSnapshot.builder()
                .name(name)
                .help(help)
                .dataPoint(GaugeDataPointSnapshot.builder().value(value).build())
                .build();
    }

    private static GaugeDataPointSnapshot point(double value, String label, String labelValue) {
        return GaugeDataPointSnapshot.builder()
                .value(value)
                .labels(Labels.of(label, labelValue))
                .build();
    }

    private static CounterDataPointSnapshot counter(double value, String label, String labelValue) {
        return CounterDataPointSnapshot.builder()
                .value(value)
                .labels(Labels.of(label, labelValue))
                .build();
    }
}
