package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.docketwatch.scheduling.QuartzScheduler;
import com.docketwatch.support.Api;
import com.docketwatch.support.Client;
import com.docketwatch.support.Court;
import com.docketwatch.support.Db;
import com.docketwatch.support.DocketWatchIT;
import com.docketwatch.support.Key;
import com.docketwatch.support.Receiver;
import com.docketwatch.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.matchers.KeyMatcher;
import org.quartz.listeners.JobListenerSupport;

/**
 * Retention: rows are made through the API, some are backdated in the database, and the real Quartz
 * maintenance job is fired. Old finished deliveries (with their attempts), old settled reminders and old
 * events go; recent rows, pending ones and the events they name stay; the change feed answers 410 to a
 * reader whose position lies before the removed events. Batches of 2 rows, so every loop turns.
 */
@DocketWatchIT
class RetentionIT {
    static final Receiver RECEIVER = new Receiver();
    static final DropwizardAppExtension<DocketWatchConfiguration> APP = TestApp.create(
            ConfigOverride.config("alerts.webhookAllowHosts", "localhost"),
            ConfigOverride.config("alerts.pollInterval", "PT0.1S"),
            ConfigOverride.config("retention.batchSize", "2"));
    static final Duration WAIT = Duration.ofSeconds(20);

    @Client
    static Api api;

    @Client
    static Db db;

    @Key("editor")
    static String editor;

    @Key("reporter")
    static String reporter;

    @Court
    static String court;

    @AfterAll
    static void tearDown() {
        RECEIVER.close();
    }

    @Test
    void oldHistoryIsRemovedInBatchesWhileRecentAndPendingRowsStay() throws Exception {
        Instant now = Instant.now();
        Timestamp daysAgo100 = Timestamp.from(now.minus(Duration.ofDays(100)));
        Timestamp daysAgo400 = Timestamp.from(now.minus(Duration.ofDays(400)));
        String caseId = api.newCase(editor, court);
        long h1 = hearing(caseId, now.plus(Duration.ofDays(30)));
        long h2 = hearing(caseId, now.plus(Duration.ofDays(40)));
        long h3 = hearing(caseId, now.plus(Duration.ofDays(50)));
        long live = subscribe(Map.of("case_id", caseId, "reminder_lead_times", List.of("P1D")));
        long paused = subscribe(Map.of("case_id", caseId));
        api.patch("/api/v1/subscriptions/" + paused, reporter, Map.of("paused", true))
                .expect(200);
        String cursorAtTheStart = api.get("/api/v1/events?after=0&limit=1", reporter)
                .expect(200)
                .json()
                .get("next_cursor")
                .asText();
        long e1 = filing(caseId, 1);
        long e2 = filing(caseId, 2);
        long e3 = filing(caseId, 3);
        long e4 = filing(caseId, 4);
        awaitDelivered(live, 4);

        // Everything up to e3 happened 400 days ago; e4 is recent.
        db.update("update events set occurred_at = ? where id <= ?", daysAgo400, e3);
        // The live subscription's deliveries of e1 (delivered), e2 (failed) and e3 were finished 100 days ago.
        db.update(
                "update deliveries set created_at = ?, next_attempt_at = ?, delivered_at = ?"
                        + " where subscription_id = ? and event_id <= ?",
                daysAgo100,
                daysAgo100,
                daysAgo100,
                live,
                e3);
        db.update(
                "update deliveries set status = 'failed', delivered_at = null where subscription_id = ? and event_id = ?",
                live,
                e2);
        // The paused subscription still owes e3 (pending for 100 days): that delivery and e3 stay.
        db.update(
                "insert into deliveries (event_id, subscription_id, status, next_attempt_at, created_at)"
                        + " values (?, ?, 'pending', ?, ?)",
                e3,
                paused,
                daysAgo100,
                daysAgo100);
        // Reminders: h1's was sent 100 days ago (its event e1) for a hearing 100 days past: it goes. h2's was
        // sent as long ago, but h2 is ahead (a reschedule must not send it twice): it stays. h3's is pending,
        // and though every date around it is old, a pending reminder is never removed.
        db.update("update hearings set scheduled_at = ? where id in (?, ?)", daysAgo100, h1, h3);
        db.update(
                "update reminders set status = 'sent', settled_at = ?, event_id = ? where hearing_id = ?",
                daysAgo100,
                e1,
                h1);
        db.update("update reminders set status = 'sent', settled_at = ? where hearing_id = ?", daysAgo100, h2);
        db.update("update reminders set settled_at = ? where hearing_id = ?", daysAgo100, h3);
        long attemptsOfOld = db.count(
                "select count(*) from delivery_attempts a join deliveries d on d.id = a.delivery_id"
                        + " where d.subscription_id = ? and d.event_id <= ?",
                live,
                e3);
        assertThat(attemptsOfOld).isGreaterThanOrEqualTo(3);
        long eventsBefore = db.count("select count(*) from events");

        runMaintenance();

        assertThat(db.rows("select event_id, status from deliveries where subscription_id = ? order by id", live))
                .containsExactly(Map.of("event_id", e4, "status", "delivered"));
        assertThat(db.count(
                        "select count(*) from delivery_attempts a join deliveries d on d.id = a.delivery_id"
                                + " where d.subscription_id = ?",
                        live))
                .as("the attempts of the recent delivery")
                .isPositive();
        assertThat(db.count(
                        "select count(*) from delivery_attempts where delivery_id not in (select id from deliveries)"))
                .isZero();
        assertThat(db.rows("select event_id, status from deliveries where subscription_id = ?", paused))
                .containsExactly(Map.of("event_id", e3, "status", "pending"));
        assertThat(db.rows(
                        "select hearing_id, status from reminders where subscription_id = ? order by hearing_id", live))
                .containsExactly(
                        Map.of("hearing_id", h2, "status", "sent"), Map.of("hearing_id", h3, "status", "pending"));
        assertThat(db.rows("select id from events where id <= ? order by id", e4))
                .as("of the events up to e4, only e3 (a pending delivery names it) and e4 (recent)")
                .containsExactly(Map.of("id", e3), Map.of("id", e4));
        assertThat(eventsBefore).isGreaterThan(2 + 4); // the case, its hearings and e1..e4
        // What the API shows of it.
        assertThat(api.get("/api/v1/subscriptions/" + live + "/deliveries", reporter)
                        .expect(200)
                        .json()
                        .get("data")
                        .findValuesAsText("event_id"))
                .containsExactly(String.valueOf(e4));
        assertThat(api.get("/api/v1/subscriptions/" + live + "/reminders", reporter)
                        .expect(200)
                        .json()
                        .get("data")
                        .findValuesAsText("hearing_id"))
                .containsExactlyInAnyOrder(String.valueOf(h2), String.valueOf(h3));

        // The change feed starts after the removed events; a reader left behind them learns it missed some.
        assertThat(feed("after=0")).containsExactly(String.valueOf(e4));
        assertThat(feed("after=" + e3)).as("after the last event removed").containsExactly(String.valueOf(e4));
        for (String behind : List.of("after=" + e1, "after=" + e2, "cursor=" + cursorAtTheStart)) {
            JsonNode gone = api.get("/api/v1/events?" + behind, reporter).problem(410);
            assertThat(gone.get("type").asText()).as(behind).endsWith("/gone");
            assertThat(gone.get("detail").asText()).contains("retention").contains("after=0");
        }
        api.get("/api/v1/events?after=" + (e4 + 1000), reporter).problem(400);

        // Nothing left to remove: a second run changes nothing.
        Map<String, Long> before = counts();
        runMaintenance();
        assertThat(counts()).isEqualTo(before);
    }

    private static Map<String, Long> counts() {
        Map<String, Long> out = new HashMap<>();
        for (String table : List.of("events", "deliveries", "delivery_attempts", "reminders")) {
            out.put(table, db.count("select count(*) from " + table));
        }
        out.put("horizon", db.count("select coalesce(max(event_id), 0) from change_feed_horizon"));
        return out;
    }

    /** The ids of the change feed's events. */
    private static List<String> feed(String query) {
        List<String> ids = new java.util.ArrayList<>();
        api.get("/api/v1/events?" + query, reporter)
                .expect(200)
                .json()
                .get("data")
                .forEach(e -> ids.add(e.get("id").asText()));
        return ids;
    }

    /** Fires the maintenance job in the service's own Quartz scheduler and waits for it to finish. */
    private static void runMaintenance() throws Exception {
        Scheduler quartz = SchedulerRepository.getInstance().lookup(QuartzScheduler.NAME);
        JobKey job = JobKey.jobKey("maintenance");
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<JobExecutionException> failure = new AtomicReference<>();
        String listener = "retention-it-" + UUID.randomUUID();
        quartz.getListenerManager()
                .addJobListener(
                        new JobListenerSupport() {
                            @Override
                            public String getName() {
                                return listener;
                            }

                            @Override
                            public void jobWasExecuted(JobExecutionContext context, JobExecutionException e) {
                                failure.set(e);
                                done.countDown();
                            }
                        },
                        KeyMatcher.keyEquals(job));
        try {
            quartz.triggerJob(job);
            assertThat(done.await(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .as("the maintenance job ran")
                    .isTrue();
            assertThat(failure.get()).isNull();
        } finally {
            quartz.getListenerManager().removeJobListener(listener);
        }
    }

    private static void awaitDelivered(long subscription, int n) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (db.count(
                        "select count(*) from deliveries where subscription_id = ? and status = 'delivered'",
                        subscription)
                < n) {
            assertThat(System.nanoTime())
                    .as("%d deliveries delivered in time", n)
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static long subscribe(Map<String, Object> target) {
        Map<String, Object> body = new HashMap<>(target);
        body.put("events", List.of("filing.created"));
        body.put("channel", Map.of("type", "webhook", "url", RECEIVER.url("/" + UUID.randomUUID())));
        return Long.parseLong(api.post("/api/v1/subscriptions", reporter, body)
                .expect(201)
                .json()
                .get("id")
                .asText());
    }

    private static long hearing(String caseId, Instant at) {
        return Long.parseLong(api.post(
                        "/api/v1/cases/" + caseId + "/hearings",
                        editor,
                        Map.of("kind", "motion_hearing", "scheduled_at", at.toString()))
                .expect(201)
                .json()
                .get("id")
                .asText());
    }

    /** A filing; returns the id of its filing.created event. */
    private static long filing(String caseId, int entry) {
        api.post(
                        "/api/v1/cases/" + caseId + "/filings",
                        editor,
                        Map.of("entry_number", entry, "filed_on", "2026-01-06", "kind", "notice", "title", "Notice"))
                .expect(201);
        return db.count("select max(id) from events where type = 'filing.created'");
    }
}
